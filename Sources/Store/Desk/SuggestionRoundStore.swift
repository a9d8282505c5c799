import Database
import Survey

/// A unit's suggestion rounds and its between-rounds setting (migration 0022), by unit code.
public struct SuggestionRoundStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public func rounds(unitCode: String) throws -> SuggestionRounds {
        let rounds = try connection.query(
            "SELECT number, starts_md, ends_md FROM suggestion_rounds WHERE unit_code = ? ORDER BY starts_md",
            [unitCode]
        ).map { row in
            guard let starts = MonthDay(text: try row.string("starts_md")),
                let ends = MonthDay(text: try row.string("ends_md"))
            else {
                throw SuggestionStoreError(
                    kind: .notSaved, description: "Đợt góp ý của đơn vị \(unitCode) có ngày hỏng trong cơ sở dữ liệu.")
            }
            return SuggestionRounds.Round(number: try row.int("number"), starts: starts, ends: ends)
        }
        let accepts =
            try connection.scalar(
                "SELECT accepts_between FROM suggestion_round_settings WHERE unit_code = ?", [unitCode],
                as: Int.self) ?? 1
        return SuggestionRounds(rounds: rounds, acceptsBetween: accepts != 0)
    }

    /// The rounds of the unit of `unitID` (its code in any unit set: a code outlives a reform).
    public func rounds(unitID: Int64) throws -> SuggestionRounds {
        guard let code = try connection.scalar("SELECT code FROM units WHERE id = ?", [unitID], as: String.self)
        else { return .allYear }
        return try rounds(unitCode: code)
    }

    /// Replaces the unit's rounds and setting; the caller has checked them (`SuggestionRounds.problems`).
    public func save(unitCode: String, _ rounds: SuggestionRounds) throws {
        try connection.transaction {
            try connection.run("DELETE FROM suggestion_rounds WHERE unit_code = ?", [unitCode])
            for round in rounds.rounds {
                try connection.run(
                    "INSERT INTO suggestion_rounds (unit_code, number, starts_md, ends_md) VALUES (?, ?, ?, ?)",
                    [unitCode, round.number, round.starts.stored, round.ends.stored])
            }
            try connection.run(
                """
                INSERT INTO suggestion_round_settings (unit_code, accepts_between) VALUES (?, ?)
                ON CONFLICT (unit_code) DO UPDATE SET accepts_between = excluded.accepts_between
                """, [unitCode, rounds.acceptsBetween ? 1 : 0])
        }
    }
}
