import Survey

/// One unit's suggestion box over one week (Monday to Sunday, local days).
public struct SuggestionWeek: Sendable, Hashable {
    public let unitID: Int64
    public let code: String
    public let name: String
    /// Received during the week.
    public let received: Int
    /// Resolved during the week.
    public let resolved: Int
    /// Received by the week's end and not resolved by then.
    public let waiting: Int
}
