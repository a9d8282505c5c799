import Survey

/// Permission, given by a district account, for one commune to file the report of one date outside the window.
public struct LateEntryOpening: Sendable, Hashable {
    public let id: Int64
    public let campaignID: Int64
    public let unitID: Int64
    public let date: LocalDate
    public let reason: String
    public let openedBy: Int64
    public let openedAt: Int64
    /// Exclusive end instant. Every opening ends: by default at the end of the day after the one it was opened
    /// on (Vietnam time); the district may choose another last day.
    public let until: Int64

    public func isActive(at instant: Int64) -> Bool {
        instant >= openedAt && instant < until
    }

    /// The exclusive end of an opening whose last day is `lastDay`: the midnight after it, Vietnam time.
    public static func end(lastDay: LocalDate) -> Int64 {
        VietnamTime.startOfDay(lastDay.adding(days: 1))
    }

    /// The default last day: the day after the one the opening is made on (opened on 12/06 at 17:10, it stays
    /// open through 23:59:59 on 13/06).
    public static func defaultLastDay(openedAt: Int64) -> LocalDate {
        VietnamTime.localDate(at: openedAt).adding(days: 1)
    }

    /// "23:59 13/06/2024": the last minute in which the opening is still in force (an end at midnight is shown as
    /// 23:59 of the day before, the way people say it).
    public var untilText: String { Self.text(until: until) }

    public static func text(until: Int64) -> String {
        let last = until - 1
        let clock = VietnamTime.clockText(at: last).prefix(5)
        return "\(clock) \(VietnamTime.localDate(at: last).vietnamese)"
    }
}
