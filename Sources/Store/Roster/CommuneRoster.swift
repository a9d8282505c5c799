import Survey

/// A commune's roster as its district checks it against the deadline.
public struct CommuneRoster: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// Listed by the deadline (or no deadline set yet and something is listed).
        case listed
        /// The first person was listed after the deadline.
        case late
        /// Nobody listed and the deadline has not passed.
        case pending
        /// Nobody listed and the deadline has passed: who the district chases.
        case missing
    }

    public let unit: UnitRecord
    public let entries: [RosterEntry]
    public let status: Status
}
