import HTML
import Store

/// What the server-rendered bar charts share: the plot's geometry, the grid lines with their values (0, half,
/// top) and the accessible `<svg>` around the bars (`role="img"`, a title and a description that say the values).
struct BarChartFrame {
    let width: Int
    let height: Int
    let left: Int
    let right: Int
    let top: Int
    let bottom: Int

    var plotWidth: Int { width - left - right }
    var plotHeight: Int { height - top - bottom }

    /// Horizontal grid lines with their values: 0, half, top.
    func gridLines(scaleMax: Int) -> [HTML] {
        var parts: [HTML] = []
        for fraction in [0, 1, 2] {
            let value = scaleMax * fraction / 2
            let y = top + plotHeight - plotHeight * fraction / 2
            parts.append("<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#ccc\"/>")
            parts.append(
                "<text x=\"\(left - 4)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"11\">\(Format.count(value))</text>"
            )
        }
        return parts
    }

    /// The chart: `id` must be unique on the page (the title and description are referenced by it).
    func svg(id: String, title: String, description: String, titleY: Int, parts: [HTML]) -> HTML {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" \
        height="\(height)" role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="sans-serif">\
        <title id="\(id)-title">\(title)</title><desc id="\(id)-desc">\(description)</desc>\
        <text x="\(left)" y="\(titleY)" font-size="13" font-weight="bold">\(title)</text>\
        \(parts)\
        <line x1="\(left)" y1="\(top + plotHeight)" x2="\(width - right)" y2="\(top + plotHeight)" stroke="#333"/>\
        </svg>
        """
    }
}
