/// A suggestion as the desk officer sees it: the sender's contact only where they consented.
public struct SuggestionDeskItem: Sendable, Hashable {
    public let id: Int64
    public let unitID: Int64
    public let year: Int
    public let round: Int
    public let topic: String?
    public let text: String
    public let senderName: String?
    public let senderPhone: String?
    public let lookupCode: String
    public let status: SuggestionStatus
    public let reply: String?
    public let repliedAt: Int64?
    public let repliedBy: Int64?
    public let resolvedAt: Int64?
    public let createdAt: Int64
}
