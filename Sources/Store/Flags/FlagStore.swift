import Database
import Survey

/// Reads flags and records their review. Confirming takes an answer out of the counters (`option_counts`,
/// `daily_answer_counts`, hence `unit_totals` by migration 0009's triggers) in the same transaction; clearing a
/// confirmed answer puts it back; each is written to the audit log.
package struct FlagStore {
    package let connection: Connection

    package init(_ connection: Connection) {
        self.connection = connection
    }

    /// response id → its reasons, for the answers that have any.
    package func flags(responseIDs: [Int64]) throws -> [Int64: Set<FlagReason>] {
        var result: [Int64: Set<FlagReason>] = [:]
        // Chunks keep each statement under SQLite's bound-parameter limit.
        for start in stride(from: 0, to: responseIDs.count, by: 500) {
            let chunk = Array(responseIDs[start..<min(start + 500, responseIDs.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try connection.query(
                "SELECT response_id, reason FROM response_flags WHERE response_id IN (\(marks))", chunk)
            {
                if let reason = FlagReason(rawValue: try row.string("reason")) {
                    result[try row.int64("response_id"), default: []].insert(reason)
                }
            }
        }
        return result
    }

    /// A unit's flagged answers in a campaign, newest first.
    package func flaggedAnswers(campaignID: Int64, unitID: Int64) throws -> [FlaggedAnswer] {
        let rows = try connection.query(
            """
            SELECT v.response_id AS id, v.state AS state, r.submitted_at AS submitted_at,
                   r.fill_seconds AS fill_seconds, f.reason AS reason, f.detail AS detail
            FROM response_reviews v
            JOIN responses r ON r.id = v.response_id
            JOIN response_flags f ON f.response_id = v.response_id
            WHERE v.campaign_id = ? AND v.unit_id = ?
            ORDER BY r.submitted_at DESC, r.id DESC
            """, [campaignID, unitID])
        var answers: [FlaggedAnswer] = []
        var current: (id: Int64, at: Int64, fill: Int, state: FlagReviewState, details: [FlagReason: String])?
        func flush() {
            guard let current else { return }
            answers.append(
                FlaggedAnswer(
                    id: current.id, submittedAt: current.at, fillSeconds: current.fill,
                    reasons: FlagReason.sorted(current.details.keys), details: current.details, state: current.state))
        }
        for row in rows {
            let id = try row.int64("id")
            if current?.id != id {
                flush()
                current = (
                    id, try row.int64("submitted_at"), try row.int("fill_seconds"),
                    FlagReviewState(rawValue: try row.string("state")) ?? .open, [:]
                )
            }
            if let reason = FlagReason(rawValue: try row.string("reason")) {
                current?.details[reason] = try row.string("detail")
            }
        }
        flush()
        return answers
    }

    /// Flagged and confirmed answers of a campaign, over some units (nil: every unit).
    package func counts(campaignID: Int64, unitIDs: Set<Int64>? = nil) throws -> FlagCounts {
        var counts = FlagCounts()
        for row in try connection.query(
            """
            SELECT unit_id, state, count(*) AS answers FROM response_reviews
            WHERE campaign_id = ? AND state <> 'cleared' GROUP BY unit_id, state
            """, [campaignID])
        where unitIDs?.contains(try row.int64("unit_id")) ?? true {
            let answers = try row.int("answers")
            counts.flagged += answers
            if try row.string("state") == FlagReviewState.confirmed.rawValue { counts.confirmed += answers }
        }
        return counts
    }
}
