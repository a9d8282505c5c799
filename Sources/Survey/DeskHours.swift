/// When a unit's one-stop desk is open, for the off-hours flag: per ISO weekday (1 Monday … 7 Sunday), spans of
/// minutes after local midnight, each [opens, closes). Hanoi time, like every business rule.
public struct DeskHours: Sendable, Hashable {
    public struct Span: Sendable, Hashable {
        public let opens: Int
        public let closes: Int

        public init(opens: Int, closes: Int) {
            self.opens = opens
            self.closes = closes
        }

        /// "07:00–11:30".
        public var text: String {
            func clock(_ minutes: Int) -> String {
                let hour = minutes / 60
                let minute = minutes % 60
                return "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
            }
            return "\(clock(opens))–\(clock(closes))"
        }
    }

    /// weekday (1…7) → its spans; a missing weekday is closed.
    public let days: [Int: [Span]]

    public init(days: [Int: [Span]]) {
        self.days = days.mapValues { $0.sorted { $0.opens < $1.opens } }
    }

    /// The one-stop desks' usual hours (Decision 1291 and the provinces' office hours): Monday–Friday 07:00–11:30
    /// and 13:30–17:00, Saturday morning 07:00–11:30 (the desks that receive on Saturday do so in the morning).
    public static let standard: DeskHours = {
        let morning = Span(opens: 7 * 60, closes: 11 * 60 + 30)
        let afternoon = Span(opens: 13 * 60 + 30, closes: 17 * 60)
        var days: [Int: [Span]] = [6: [morning]]
        for weekday in 1...5 { days[weekday] = [morning, afternoon] }
        return DeskHours(days: days)
    }()

    /// ISO weekday of a local date: 1970-01-01 was a Thursday (4).
    public static func weekday(of date: LocalDate) -> Int {
        let offset = (date.daysSinceEpoch + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// Whether the desk is open at an instant, or closed no longer than `graceSeconds` (a person who scanned the
    /// code just before closing finishes the form a little after).
    public func isOpen(at instant: Int64, graceSeconds: Int = 0) -> Bool {
        let weekday = Self.weekday(of: VietnamTime.localDate(at: instant))
        let second = VietnamTime.secondOfDay(at: instant)
        return (days[weekday] ?? []).contains { second >= $0.opens * 60 && second < $0.closes * 60 + graceSeconds }
    }

    /// Vietnamese names of the ISO weekdays.
    public static func weekdayName(_ weekday: Int) -> String {
        weekday == 7 ? "Chủ nhật" : "Thứ \(["hai", "ba", "tư", "năm", "sáu", "bảy"][max(0, min(5, weekday - 1))])"
    }

    /// "Thứ hai 07:00–11:30, 13:30–17:00; …; Chủ nhật nghỉ".
    public var text: String {
        (1...7).map { weekday in
            let spans = days[weekday] ?? []
            return "\(Self.weekdayName(weekday)) \(spans.isEmpty ? "nghỉ" : spans.map(\.text).joined(separator: ", "))"
        }.joined(separator: "; ")
    }
}
