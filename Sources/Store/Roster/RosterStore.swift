import Database
import Survey

/// The helper roster (migration 0023): a commune lists who is on duty; its district sets the deadline and sees who
/// has not listed anyone by then.
public struct RosterStore {
    package let connection: Connection

    public static let limits: [String: Int] = ["name": 100, "organisation": 150, "days": 200]

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The deadline of the district `districtID`, if set.
    public func deadline(districtID: Int64) throws -> LocalDate? {
        try connection.scalar(
            "SELECT due_on FROM roster_deadlines WHERE district_id = ?", [districtID], as: String.self
        )
        .flatMap { LocalDate(iso: $0) }
    }

    public func setDeadline(districtID: Int64, dueOn: LocalDate, by user: AuthenticatedUser, now: Int64) throws {
        try connection.run(
            """
            INSERT INTO roster_deadlines (district_id, due_on, set_by, set_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (district_id) DO UPDATE SET due_on = excluded.due_on, set_by = excluded.set_by,
                                                    set_at = excluded.set_at
            """, [districtID, dueOn.iso, user.id, now])
    }

    public func entries(unitID: Int64) throws -> [RosterEntry] {
        try connection.query(
            "SELECT id, unit_id, name, organisation, days, added_at FROM roster_entries WHERE unit_id = ? ORDER BY id",
            [unitID]
        ).map { row in
            RosterEntry(
                id: try row.int64("id"), unitID: try row.int64("unit_id"), name: try row.string("name"),
                organisation: try row.string("organisation"), days: try row.string("days"),
                addedAt: try row.int64("added_at"))
        }
    }

    /// Adds a person to the unit's roster after checking each field (required, within its length).
    @discardableResult
    public func add(
        unitID: Int64, name: String, organisation: String, days: String, by user: AuthenticatedUser, now: Int64
    ) throws -> Int64 {
        let values = [
            "name": SearchText.clean(name), "organisation": SearchText.clean(organisation),
            "days": SearchText.clean(days),
        ]
        let labels = ["name": "Họ và tên", "organisation": "Cơ quan, đoàn thể", "days": "Ngày trực"]
        var problems: [String: String] = [:]
        for (field, value) in values {
            let limit = Self.limits[field] ?? 100
            if value.isEmpty {
                problems[field] = "Vui lòng nhập \(labels[field]?.lowercased() ?? field)."
            } else if value.count > limit {
                problems[field] = "\(labels[field] ?? field) dài quá \(limit) ký tự."
            }
        }
        guard problems.isEmpty else {
            throw RosterError(.invalid(problems), "Chưa thêm được người trực: vui lòng xem lại các ô được đánh dấu.")
        }
        try connection.run(
            """
            INSERT INTO roster_entries (unit_id, name, organisation, days, added_by, added_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [unitID, values["name"] ?? "", values["organisation"] ?? "", values["days"] ?? "", user.id, now])
        return connection.lastInsertRowID
    }

    /// Removes one entry of the unit's roster; false when the unit has no such entry.
    @discardableResult
    public func remove(entryID: Int64, unitID: Int64) throws -> Bool {
        try connection.run("DELETE FROM roster_entries WHERE id = ? AND unit_id = ?", [entryID, unitID]) > 0
    }

    /// The unit an entry belongs to, or nil.
    public func unitID(ofEntry entryID: Int64) throws -> Int64? {
        try connection.scalar("SELECT unit_id FROM roster_entries WHERE id = ?", [entryID], as: Int64.self)
    }

    /// Every commune of the district with its roster and where it stands against `deadline` on `today`.
    public func communes(districtID: Int64, deadline: LocalDate?, today: LocalDate) throws -> [CommuneRoster] {
        let units = UnitStore(connection)
        guard let district = try units.unit(id: districtID) else { return [] }
        return try units.communes(inSet: district.unitSetID, district: district.id).map { unit in
            let entries = try entries(unitID: unit.id)
            return CommuneRoster(
                unit: unit, entries: entries, status: Self.status(entries: entries, deadline: deadline, today: today))
        }
    }

    /// Listed when the first person went in on or before the deadline's last day (Hà Nội time); missing once the
    /// deadline has passed with nobody listed.
    public static func status(entries: [RosterEntry], deadline: LocalDate?, today: LocalDate) -> CommuneRoster.Status {
        guard let first = entries.map(\.addedAt).min() else {
            guard let deadline else { return .pending }
            return today > deadline ? .missing : .pending
        }
        guard let deadline else { return .listed }
        return VietnamTime.localDate(at: first) > deadline ? .late : .listed
    }
}
