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
    /// The category's label, or "Chưa phân loại" for suggestions the desk has not classified yet.
    public let label: String
    public let received: Int
}
