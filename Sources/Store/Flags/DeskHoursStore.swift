import Database
import Survey

/// Per-unit desk hours (`unit_desk_hours`, migration 0016), for the off-hours flag.
package struct DeskHoursStore {
    package let connection: Connection

    package init(_ connection: Connection) {
        self.connection = connection
    }

    /// The unit's own hours, or nil when it keeps the default.
    package func hours(unitID: Int64) throws -> DeskHours? {
        let rows = try connection.query(
            "SELECT weekday, opens, closes FROM unit_desk_hours WHERE unit_id = ? ORDER BY weekday, opens", [unitID])
        guard !rows.isEmpty else { return nil }
        var days: [Int: [DeskHours.Span]] = [:]
        for row in rows {
            days[try row.int("weekday"), default: []].append(
                DeskHours.Span(opens: try row.int("opens"), closes: try row.int("closes")))
        }
        return DeskHours(days: days)
    }

    /// Replaces the unit's hours; nil returns it to the default.
    package func set(unitID: Int64, hours: DeskHours?) throws {
        try connection.transaction {
            try connection.run("DELETE FROM unit_desk_hours WHERE unit_id = ?", [unitID])
            guard let hours else { return }
            for (weekday, spans) in hours.days.sorted(by: { $0.key < $1.key }) {
                for span in spans {
                    try connection.run(
                        "INSERT INTO unit_desk_hours (unit_id, weekday, opens, closes) VALUES (?, ?, ?, ?)",
                        [unitID, weekday, span.opens, span.closes])
                }
            }
        }
    }
}
