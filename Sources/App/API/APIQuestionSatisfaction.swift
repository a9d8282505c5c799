import Store

/// One choice question as the console's "Mức hài lòng theo câu hỏi" table shows it (`QuestionSatisfaction`):
/// in `GET /api/v1/campaigns/{id}/satisfaction` over the caller's scope and in a unit's
/// `GET …/communes/{code}`. `answers` counts, for an evaluative question, the answers whose option has a polarity
/// (every answer otherwise); `satisfied_share` the positive among them, 4 decimals, `null` for a question that is
/// not evaluative or has no such answer.
struct APIQuestionSatisfaction: Encodable, Sendable {
    let number: String
    let text: String
    let evaluative: Bool
    let answers: Int
    @Nullable var satisfiedShare: Double?

    init(_ question: QuestionSatisfaction) {
        number = question.number
        text = question.text
        evaluative = question.evaluative
        answers = question.validAnswers
        satisfiedShare = APIJSON.share(question.positiveShare)
    }
}
