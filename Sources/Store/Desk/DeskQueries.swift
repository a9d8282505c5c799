import Database
import Survey

/// The desk's reads, and the one change `SuggestionDesk` does not make (the category). Who may see which unit is
/// the caller's decision (`UnitScope`); these only read and write what they are asked.
public struct DeskQueries {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public static let maxSearchLength = 200

    /// The units whose suggestion boxes a scope covers (district desks and communes): districts first, then by
    /// code.
    public func units(in scope: UnitScope) throws -> [UnitRecord] {
        try connection.query(
            """
            \(UnitStore.columns) WHERE id IN (SELECT value FROM json_each(?)) AND level != 'province'
            ORDER BY level = 'commune', code
            """, [Self.jsonList(scope.unitIDs)]
        ).map(UnitStore.record)
    }

    /// A unit's suggestions of one round, newest first, optionally of one status and matching a search text
    /// (diacritics and case ignored).
    public func suggestions(
        unitID: Int64, year: Int, round: Int, status: SuggestionStatus?,
        search: String?
    ) throws -> [DeskSuggestion] {
        // The WHERE clause is assembled from fixed fragments only; every value is a bound parameter.
        var conditions = ["s.unit_id = ?", "s.year = ?", "s.round = ?"]
        var arguments: [any DatabaseValueConvertible] = [unitID, year, round]
        if let status {
            conditions.append("s.status = ?")
            arguments.append(status.rawValue)
        }
        if let search, !SearchText.fold(search).isEmpty {
            conditions.append("s.search_text LIKE ? ESCAPE '\\'")
            arguments.append(LikePattern.containing(SearchText.fold(search)))
        }
        return try connection.query(
            "\(Self.columns) WHERE \(conditions.joined(separator: " AND ")) ORDER BY s.created_at DESC, s.id DESC",
            arguments
        ).map(Self.suggestion)
    }

    public func suggestion(id: Int64) throws -> DeskSuggestion? {
        try connection.queryOne("\(Self.columns) WHERE s.id = ?", [id]).map(Self.suggestion)
    }

    /// Per unit of `units` that has suggestions in the round: how many are new, in progress and resolved, in the
    /// order of `units`.
    public func counts(units: [UnitRecord], year: Int, round: Int) throws -> [DeskUnitCount] {
        var byUnit: [Int64: [String: Int]] = [:]
        for row in try connection.query(
            """
            SELECT unit_id, status, count(*) AS suggestions FROM suggestions
            WHERE year = ? AND round = ? AND unit_id IN (SELECT value FROM json_each(?))
            GROUP BY unit_id, status
            """, [year, round, Self.jsonList(Set(units.map(\.id)))])
        {
            byUnit[try row.int64("unit_id"), default: [:]][try row.string("status")] = try row.int("suggestions")
        }
        return units.compactMap { unit in
            guard let counts = byUnit[unit.id] else { return nil }
            return DeskUnitCount(
                unit: unit, new: counts[SuggestionStatus.new.rawValue] ?? 0,
                inProgress: counts[SuggestionStatus.inProgress.rawValue] ?? 0,
                resolved: counts[SuggestionStatus.resolved.rawValue] ?? 0)
        }
    }

    /// Sets or clears the category; false when there is no such suggestion.
    @discardableResult
    public func setCategory(_ category: SuggestionCategory?, suggestionID: Int64) throws -> Bool {
        try connection.run("UPDATE suggestions SET category = ? WHERE id = ?", [category?.rawValue, suggestionID]) > 0
    }

    /// Ids as one JSON array, bound as a single parameter and read back with `json_each`.
    package static func jsonList(_ ids: Set<Int64>) -> String {
        "[" + ids.sorted().map(String.init).joined(separator: ",") + "]"
    }

    // SuggestionDesk's columns under their own names, so its row decoder reads them, then the desk's own.
    package static let columns = """
        SELECT s.id AS id, s.unit_id AS unit_id, s.year AS year, s.round AS round, s.topic AS topic, s.text AS text,
               s.sender_name AS sender_name, s.sender_phone AS sender_phone, s.lookup_code AS lookup_code,
               s.status AS status, s.reply AS reply, s.replied_at AS replied_at, s.replied_by AS replied_by,
               s.resolved_at AS resolved_at, s.created_at AS created_at,
               s.category AS category, u.code AS unit_code, u.name AS unit_name, s.consent AS consent
        FROM suggestions s JOIN units u ON u.id = s.unit_id
        """

    package static func suggestion(_ row: Row) throws -> DeskSuggestion {
        let item = try SuggestionDesk.item(row)
        // The schema already refuses contact details without consent; the desk checks again before showing any.
        let consented = try row.bool("consent")
        let shown =
            consented
            ? item
            : SuggestionDeskItem(
                id: item.id, unitID: item.unitID, year: item.year, round: item.round, topic: item.topic,
                text: item.text,
                senderName: nil, senderPhone: nil, lookupCode: item.lookupCode, status: item.status, reply: item.reply,
                repliedAt: item.repliedAt, repliedBy: item.repliedBy, resolvedAt: item.resolvedAt,
                createdAt: item.createdAt)
        return DeskSuggestion(
            item: shown, category: try row.optionalString("category"),
            unitCode: try row.string("unit_code"), unitName: try row.string("unit_name"))
    }
}
