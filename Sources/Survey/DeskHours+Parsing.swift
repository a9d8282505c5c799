extension DeskHours {
    /// Reads hours written as `WEEKDAYS=HH:MM-HH:MM[,HH:MM-HH:MM];…`, weekdays ISO (1 Monday … 7 Sunday) as one
    /// number or a range: "1-5=07:00-11:30,13:30-17:00;6=07:00-11:30" is the standard week. nil when anything is
    /// malformed (a time past 24:00, a span that closes before it opens, a weekday outside 1–7).
    public init?(text: String) {
        var days: [Int: [Span]] = [:]
        for part in text.split(separator: ";") {
            let sides = part.split(separator: "=", omittingEmptySubsequences: false)
            guard sides.count == 2 else { return nil }
            let weekdays = sides[0].trimmingBlanks.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(weekdays.count),
                let first = Int(weekdays[0]), let last = Int(weekdays[weekdays.count - 1]),
                (1...7).contains(first), (first...7).contains(last)
            else { return nil }
            var spans: [Span] = []
            for spanText in sides[1].split(separator: ",") {
                let ends = spanText.trimmingBlanks.split(separator: "-", omittingEmptySubsequences: false)
                guard ends.count == 2, let opens = Self.minutes(ends[0]), let closes = Self.minutes(ends[1]),
                    opens < closes, opens < 1440
                else { return nil }
                spans.append(Span(opens: opens, closes: closes))
            }
            guard !spans.isEmpty else { return nil }
            for weekday in first...last { days[weekday, default: []] += spans }
        }
        guard !days.isEmpty else { return nil }
        self.init(days: days)
    }

    /// "07:30" → 450; up to "24:00".
    static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 1440
        else { return nil }
        return hour * 60 + minute
    }
}

extension Substring {
    fileprivate var trimmingBlanks: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
