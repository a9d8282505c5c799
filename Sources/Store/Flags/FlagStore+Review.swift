import Database
import Survey

/// A review a reviewer asked for that cannot be done.
package enum FlagReviewError: Error, Sendable, Hashable {
    /// No flagged answer with that id in that campaign and unit.
    case notFound

    package var message: String {
        switch self {
        case .notFound: "Không tìm thấy phiếu bị gắn cờ này trong đợt khảo sát và đơn vị đã chọn."
        }
    }
}

extension FlagStore {
    /// Confirms a flagged answer (it leaves the counters) or clears it (it counts again), audited. Setting the
    /// state it already has changes nothing and writes nothing. Returns the earlier state.
    @discardableResult
    package func review(
        responseID: Int64, campaignID: Int64, unitID: Int64, to state: FlagReviewState, by user: AuthenticatedUser,
        now: Int64
    ) throws -> FlagReviewState {
        try connection.transaction {
            guard
                let row = try connection.queryOne(
                    """
                    SELECT v.state AS state, r.local_date AS local_date, r.choices AS choices,
                           r.submitted_at AS submitted_at
                    FROM response_reviews v JOIN responses r ON r.id = v.response_id
                    WHERE v.response_id = ? AND v.campaign_id = ? AND v.unit_id = ?
                    """, [responseID, campaignID, unitID]),
                let earlier = FlagReviewState(rawValue: try row.string("state"))
            else { throw FlagReviewError.notFound }
            guard earlier != state else { return earlier }
            let leaves = state == .confirmed
            let returns = earlier == .confirmed
            if leaves || returns {
                try moveCounters(
                    campaignID: campaignID, unitID: unitID, localDate: try row.string("local_date"),
                    choices: try row.string("choices"), by: leaves ? -1 : 1)
            }
            try connection.run(
                "UPDATE response_reviews SET state = ?, reviewed_by = ?, reviewed_at = ? WHERE response_id = ?",
                [state.rawValue, user.id, now, responseID])
            let sent = VietnamTime.localDate(at: try row.int64("submitted_at")).vietnamese
            try AuditLog(connection).record(
                user, action: state == .confirmed ? .flagConfirm : .flagClear,
                detail:
                    "Đợt số \(campaignID), phiếu số \(responseID) gửi ngày \(sent): \(earlier.label) → \(state.label)",
                at: now)
            return earlier
        }
    }

    /// Adds `amount` (±1) to the answer's day counter, to each chosen option's counter and to the answered counter of
    /// each multiple-choice question it chose in. Direct upserts, not the batch's summed additions: the review is one
    /// answer, and its effect must be visible to the caller at once.
    private func moveCounters(campaignID: Int64, unitID: Int64, localDate: String, choices: String, by amount: Int)
        throws
    {
        try connection.run(ResponseStore.addToDailyCount.sql, [campaignID, unitID, localDate, amount])
        for option in choices.split(separator: ",").compactMap({ Int64($0) }) {
            try connection.run(ResponseStore.addToOptionCount.sql, [campaignID, unitID, option, amount])
        }
        try connection.run(
            """
            INSERT INTO question_answer_counts (campaign_id, unit_id, question_id, answers)
            SELECT DISTINCT ?, ?, q.id, ? FROM json_each('[' || ? || ']') chosen
            JOIN options o ON o.id = chosen.value
            JOIN questions q ON q.id = o.question_id AND q.kind = 'multiple'
            WHERE ? <> ''
            ON CONFLICT (campaign_id, unit_id, question_id) DO UPDATE SET answers = answers + excluded.answers
            """, [campaignID, unitID, amount, choices, choices])
    }
}
