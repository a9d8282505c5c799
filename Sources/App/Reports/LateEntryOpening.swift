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
    /// Exclusive end instant; nil while it stays open.
    public let until: Int64?

    public func isActive(at instant: Int64) -> Bool {
        instant >= openedAt && (until.map { instant < $0 } ?? true)
    }
}
