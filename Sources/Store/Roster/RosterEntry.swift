/// One person on duty in a commune's helper roster.
public struct RosterEntry: Sendable, Hashable {
    public let id: Int64
    public let unitID: Int64
    public let name: String
    public let organisation: String
    /// The days they serve, as the commune writes them ("Thứ Hai, Thứ Tư", "10/6–20/6").
    public let days: String
    public let addedAt: Int64
}
