import Database

/// The database's figures for `/metrics`, each from a small table so a scrape stays cheap at millions of answers.
public struct OperationsFigures: Sendable {
    /// Every answer stored: those counted in `daily_answer_counts`, plus those a review confirmed as stuffing
    /// (taken out of the counts, still stored). Answer ids are time-ordered, so `max(id)` is no count, and
    /// `count(*)` over `responses` would read the whole table.
    public var answers: Int
    /// Flagged answers by review state.
    public var flaggedByState: [(String, Int)]
    /// Units' daily reports on file (one per unit and day).
    public var dailyReports: Int

    public static func read(_ connection: Connection) throws -> OperationsFigures {
        let counted = try connection.scalar("SELECT coalesce(sum(answers), 0) FROM daily_answer_counts", as: Int.self)
        let byState = try connection.query("SELECT state, count(*) FROM response_reviews GROUP BY state").map {
            (try $0.string(0), try $0.int(1))
        }
        var flagged: [(String, Int)] = ["open", "confirmed", "cleared"].map { state in
            (state, byState.first { $0.0 == state }?.1 ?? 0)
        }
        flagged.sort { $0.0 < $1.0 }
        let confirmed = byState.first { $0.0 == "confirmed" }?.1 ?? 0
        let reports = try connection.scalar("SELECT count(*) FROM unit_daily_reports", as: Int.self)
        return OperationsFigures(
            answers: (counted ?? 0) + confirmed, flaggedByState: flagged, dailyReports: reports ?? 0)
    }
}
