import Survey

/// One unit's suggestion box over one week (Monday to Sunday, local days).
public struct SuggestionWeek: Sendable, Hashable {
    public let unitID: Int64
    public let code: String
    public let name: String
    /// "commune" or "district" (a district's own desk).
    public let level: String
    /// The district a row belongs to: its own code for a district's desk, its parent's for a commune of a district,
    /// nil for a commune directly under the province.
    public let districtCode: String?
    /// What the table is grouped by, first in its order: the district's code for a desk and its communes, the
    /// parent's code for any other commune ("" without one). Then the desk before the communes, then by code.
    public let groupCode: String
    /// Received during the week.
    public let received: Int
    /// Resolved during the week.
    public let resolved: Int
    /// Answered (a reply sent) during the week.
    public let answered: Int
    /// Received by the week's end and not resolved by then.
    public let waiting: Int
    /// Of those waiting, received more than `answerWithinDays` before the week's end and still without a reply.
    public let overdue: Int

    /// The programme asks every box to be answered each week: a suggestion without a reply after this many days
    /// is overdue.
    public static let answerWithinDays = 7
}

/// Suggestions received in a week by the desk's classification (`SuggestionCategory`), for "what people raise".
public struct SuggestionTopicCount: Sendable, Hashable {
    /// The stored classification (`SuggestionCategory`'s raw value, or a value it does not know), nil when the
    /// desk has not classified the suggestions.
    public let category: String?
    /// The category's label, or "Chưa phân loại" for suggestions the desk has not classified yet.
    public let label: String
    public let received: Int
}
