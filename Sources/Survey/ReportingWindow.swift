/// The daily window in which a commune work team may file its report: [start, end) in local time,
/// 16:30:00 inclusive to 17:00:00 exclusive by default.
public struct ReportingWindow: Sendable, Hashable {
    /// Minutes after local midnight.
    public let startMinute: Int
    public let endMinute: Int

    public static let standard = ReportingWindow(startMinute: 16 * 60 + 30, endMinute: 17 * 60)!

    public init?(startMinute: Int, endMinute: Int) {
        guard (0..<1440).contains(startMinute), (1...1440).contains(endMinute), startMinute < endMinute else {
            return nil
        }
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    public enum Position: Sendable, Hashable {
        /// Before the window today; seconds until it opens.
        case before(secondsUntilOpen: Int)
        case inside(secondsUntilClose: Int)
        /// After the window today; seconds until tomorrow's opens.
        case after(secondsUntilOpen: Int)
    }

    public func position(at instant: Int64) -> Position {
        let second = VietnamTime.secondOfDay(at: instant)
        let start = startMinute * 60
        let end = endMinute * 60
        if second < start { return .before(secondsUntilOpen: start - second) }
        if second < end { return .inside(secondsUntilClose: end - second) }
        return .after(secondsUntilOpen: 86_400 - second + start)
    }

    public func contains(_ instant: Int64) -> Bool {
        if case .inside = position(at: instant) { return true }
        return false
    }

    /// "16:30–17:00".
    public var text: String {
        func clock(_ minutes: Int) -> String {
            let hour = minutes / 60
            let minute = minutes % 60
            return "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
        }
        return "\(clock(startMinute))–\(clock(endMinute))"
    }
}
