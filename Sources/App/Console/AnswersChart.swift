import HTML
import Store
import Survey

/// Answers per day as a server-rendered SVG bar chart: no script, readable by screen readers (`role="img"`, a
/// title and a description naming the total and the busiest day), a tooltip per bar, dates as dd/mm.
/// Pure: the same days give the same bytes; counts as `Format.count` writes them ("1.250"). Every text goes
/// through `HTML` interpolation, so it is escaped.
public enum AnswersChart {
    public static let width = 640
    public static let height = 240
    static let left = 44, right = 8, top = 30, bottom = 28
    static let frame = BarChartFrame(width: width, height: height, left: left, right: right, top: top, bottom: bottom)

    /// `id` must be unique on the page: the title and description are referenced by it.
    public static func svg(
        days: [DailyAnswerCount], title: String = "Số phiếu trả lời theo ngày",
        id: String = "bieu-do-phieu"
    ) -> HTML {
        let total = days.reduce(0) { $0 + $1.answers }
        let peak = days.max { $0.answers < $1.answers }
        var description = "Không có ngày nào trong khoảng này."
        if let first = days.first, let last = days.last, let peak {
            description =
                "Tổng \(Format.count(total)) phiếu từ \(first.date.vietnamese) đến \(last.date.vietnamese); "
                + "nhiều nhất \(Format.count(peak.answers)) phiếu ngày \(peak.date.vietnamese)."
        }
        let scaleMax = niceCeiling(peak?.answers ?? 0)
        let plotWidth = frame.plotWidth
        let plotHeight = frame.plotHeight
        var parts = frame.gridLines(scaleMax: scaleMax)
        if !days.isEmpty {
            let slot = Double(plotWidth) / Double(days.count)
            let barWidth = max(1, slot * 0.7)
            // At most about twelve date labels, evenly spaced, so they never overlap.
            let labelEvery = max(1, (days.count + 11) / 12)
            for (index, day) in days.enumerated() {
                let barHeight = scaleMax == 0 ? 0 : Double(plotHeight) * Double(day.answers) / Double(scaleMax)
                let x = Double(left) + slot * Double(index) + (slot - barWidth) / 2
                let y = Double(top + plotHeight) - barHeight
                let label = dayMonth(day.date)
                parts.append(
                    """
                    <rect x="\(tenths(x))" y="\(tenths(y))" width="\(tenths(barWidth))" height="\(tenths(barHeight))" \
                    fill="#1f6fb2"><title>\(label): \(Format.count(day.answers)) phiếu</title></rect>
                    """)
                if index % labelEvery == 0 {
                    let center = Double(left) + slot * (Double(index) + 0.5)
                    parts.append(
                        """
                        <text x="\(tenths(center))" y="\(height - bottom + 16)" text-anchor="middle" \
                        font-size="11">\(label)</text>
                        """)
                }
            }
        }
        return frame.svg(id: id, title: title, description: description, titleY: 18, parts: parts)
    }

    /// "12/06".
    static func dayMonth(_ date: LocalDate) -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(pad(date.day))/\(pad(date.month))"
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 2, so the half line is a whole number).
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 2 else { return 2 }
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for step in [1, 2, 5, 10] where step * magnitude >= value {
            let nice = step * magnitude
            return nice % 2 == 0 ? nice : nice * 2
        }
        return magnitude * 10
    }

    /// A coordinate with one decimal, without a locale or Foundation: "12.5", "40".
    static func tenths(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        let whole = scaled / 10
        let fraction = abs(scaled % 10)
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
