/// A suggestion on the desk: what `SuggestionDesk` reads, with the category and the unit it was sent to.
public struct DeskSuggestion: Sendable, Hashable {
    public let item: SuggestionDeskItem
    public let category: String?
    public let unitCode: String
    public let unitName: String
}
