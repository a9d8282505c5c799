/// One choice question of a campaign's form with its answers: what the satisfaction page lists.
public struct QuestionSatisfaction: Sendable, Hashable {
    public struct OptionCount: Sendable, Hashable {
        public let optionID: Int64
        public let label: String
        public let polarity: String?
        public let answers: Int
    }

    public let questionID: Int64
    public let code: String
    /// The number the citizen form shows ("4", "3a"): `label` without its "Câu ", for the API.
    public let number: String
    /// What the question is called on screen and in exports: "Câu 4", "Câu 3a" (`FormDefinition.questionLabel`).
    public let label: String
    public let text: String
    public let evaluative: Bool
    /// Evaluative: answers whose option has a polarity; otherwise every answer.
    public let validAnswers: Int
    /// Positive among valid answers; nil for a question that is not evaluative or has no valid answer.
    public let positiveShare: Double?
    public let options: [OptionCount]
}
