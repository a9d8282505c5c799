import Store

/// One question in `GET /api/v1/campaigns/{id}/questions`: `{number, parent, text, answered, options: [{label,
/// count, share}]}`. `number` is what the citizen form shows ("3", "3a"); `parent` the number of the question a
/// follow-up depends on (null otherwise); `answered` the people who answered it (for a multiple-choice question
/// fewer than the sum of its counts); `share` is count ÷ answered, 4 decimals, null when nobody answered.
struct APIQuestionItem: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let label: String
        let count: Int
        @Nullable var share: Double?
    }

    let number: String
    @Nullable var parent: String?
    let text: String
    let answered: Int
    let options: [Option]
    /// The question's place in form order (0 first), which a campaign's form version fixes; not encoded.
    let listPosition: APIListPosition

    init(_ question: QuestionResults.Question, position: Int) {
        listPosition = APIListPosition(.ascending(Int64(position)))
        number = question.number
        parent = question.parentNumber
        text = question.text
        answered = question.answered
        options = question.options.map { Option(label: $0.label, count: $0.count, share: APIJSON.share($0.share)) }
    }

    /// The keys written: every property but `listPosition` (`APIJSON` snake-cases them).
    enum CodingKeys: CodingKey {
        case number, parent, text, answered, options
    }
}
