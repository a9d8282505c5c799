import Store

/// One line of `GET /api/v1/suggestions/weekly/topics`: the week's suggestions of one classification, in the
/// page's order (most first, unclassified last). `category` is the stored code (`SuggestionCategory`, e.g.
/// "ha_tang"), `null` for suggestions not classified yet; `label` its Vietnamese name as the page prints it.
struct APIWeeklyTopic: Encodable, Sendable {
    @Nullable var category: String?
    let label: String
    let count: Int

    /// The page's order: most first, unclassified last.
    var listPosition: APIListPosition {
        APIListPosition(.ascending(category == nil ? 1 : 0), .descending(Int64(count)), .ascendingText(category ?? ""))
    }

    init(_ topic: SuggestionTopicCount) {
        category = topic.category
        label = topic.label
        count = topic.received
    }
}
