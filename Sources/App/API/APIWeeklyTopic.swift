import Store

/// One line of `GET /api/v1/suggestions/weekly/topics`: the week's suggestions of one classification, in the
/// page's order (most first, unclassified last). `category` is the stored code (`SuggestionCategory`, e.g.
/// "ha_tang"), `null` for suggestions not classified yet; `label` its Vietnamese name as the page prints it.
struct APIWeeklyTopic: Encodable, Sendable {
    let category: String?
    let label: String
    let count: Int
    let listPosition: APIListPosition

    init(_ topic: SuggestionTopicCount) {
        category = topic.category
        label = topic.label
        count = topic.received
        listPosition = APIListPosition(
            .ascending(topic.category == nil ? 1 : 0), .descending(Int64(topic.received)),
            .ascendingText(topic.category ?? ""))
    }

    enum CodingKeys: String, CodingKey {
        case category, label, count
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(category, forKey: .category)
        try container.encode(label, forKey: .label)
        try container.encode(count, forKey: .count)
    }
}
