import HTML
import Store

/// A commune's year by quarter as a server-rendered SVG: one bar per quarter for its answers, with the quarter's
/// satisfied share written above the bar. No script; `role="img"` with a title and a description that say every
/// value, so a screen reader (or a printout) reads the same numbers; the page also lists them in a table.
/// Pure: the same quarters give the same bytes.
enum QuarterChart {
    static let width = 360
    static let height = 200
    static let left = 44, right = 8, top = 34, bottom = 26
    static let frame = BarChartFrame(width: width, height: height, left: left, right: right, top: top, bottom: bottom)

    static func svg(_ quarters: [CommuneYear.Quarter], title: String, id: String = "bieu-do-quy") -> HTML {
        let peak = quarters.map(\.answers).max() ?? 0
        let scaleMax = AnswersChart.niceCeiling(peak)
        let plotWidth = frame.plotWidth
        let plotHeight = frame.plotHeight
        let description = quarters.map { quarter in
            "Quý \(quarter.number): \(Format.count(quarter.answers)) phiếu, hài lòng \(Format.percent(quarter.satisfiedShare))"
        }.joined(separator: "; ")
        var parts = frame.gridLines(scaleMax: scaleMax)
        let slot = Double(plotWidth) / Double(max(1, quarters.count))
        let barWidth = slot * 0.6
        for (index, quarter) in quarters.enumerated() {
            let barHeight = scaleMax == 0 ? 0 : Double(plotHeight) * Double(quarter.answers) / Double(scaleMax)
            let x = Double(left) + slot * Double(index) + (slot - barWidth) / 2
            let y = Double(top + plotHeight) - barHeight
            let center = Double(left) + slot * (Double(index) + 0.5)
            parts.append(
                """
                <rect x="\(AnswersChart.tenths(x))" y="\(AnswersChart.tenths(y))" width="\(AnswersChart.tenths(barWidth))" \
                height="\(AnswersChart.tenths(barHeight))" fill="#1f6fb2"><title>Quý \(quarter.number): \
                \(Format.count(quarter.answers)) phiếu</title></rect>
                """)
            parts.append(
                """
                <text x="\(AnswersChart.tenths(center))" y="\(AnswersChart.tenths(y - 4))" text-anchor="middle" \
                font-size="11">\(Format.percent(quarter.satisfiedShare))</text>
                """)
            parts.append(
                """
                <text x="\(AnswersChart.tenths(center))" y="\(height - bottom + 16)" text-anchor="middle" \
                font-size="11">Quý \(quarter.number)</text>
                """)
        }
        return frame.svg(id: id, title: title, description: description + ".", titleY: 16, parts: parts)
    }
}
