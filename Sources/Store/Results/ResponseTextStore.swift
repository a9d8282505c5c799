import Database
import Survey

/// One free-text answer as the province and the unit's district read it: when it was sent, to which question, and
/// whether the answer it belongs to is flagged and not yet reviewed.
package struct ResponseText: Sendable, Hashable {
    package let responseID: Int64
    package let submittedAt: Int64
    package let questionLabel: String
    package let questionText: String
    package let text: String
    package let flaggedOpen: Bool
}

/// Free-text answers of one unit in a campaign (`response_texts`), newest first, optionally of one Hanoi day.
/// Answers a province user confirmed as stuffing are left out, as they are of every count.
package struct ResponseTextStore {
    package let connection: Connection

    package init(_ connection: Connection) {
        self.connection = connection
    }

    /// At most `limit` texts; the responses come through `responses_by_unit_day (campaign_id, unit_id[, local_date])`.
    package func texts(
        campaignID: Int64, unitID: Int64, form: FormDefinition, on date: LocalDate? = nil, limit: Int = 500
    ) throws -> [ResponseText] {
        var arguments: [any DatabaseValueConvertible] = [campaignID, unitID]
        if let date { arguments.append(date.iso) }
        arguments.append(limit)
        let numbers = form.questionNumbers
        let questions = Dictionary(form.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try connection.query(
            """
            SELECT r.id AS id, r.submitted_at AS submitted_at, t.question_id AS question_id, t.text AS text,
                   v.state AS state
            FROM responses r JOIN response_texts t ON t.response_id = r.id
            LEFT JOIN response_reviews v ON v.response_id = r.id
            WHERE r.campaign_id = ? AND r.unit_id = ? \(date == nil ? "" : "AND r.local_date = ?")
              AND coalesce(v.state, '') <> 'confirmed'
            ORDER BY r.submitted_at DESC, r.id DESC, t.question_id
            LIMIT ?
            """, arguments
        ).map { row in
            let question = questions[try row.int64("question_id")]
            return ResponseText(
                responseID: try row.int64("id"), submittedAt: try row.int64("submitted_at"),
                questionLabel: question.map { "Câu " + (numbers[$0.code] ?? $0.code) } ?? "",
                questionText: question?.text ?? "", text: try row.string("text"),
                flaggedOpen: try row.optionalString("state") == "open")
        }
    }
}
