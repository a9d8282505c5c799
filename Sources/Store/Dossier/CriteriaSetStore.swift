import Database
import Survey

/// The criteria sets (migration 0020): read one, find the one a new dossier of a year takes (the newest version),
/// and the province's edits — a set is edited only while no dossier uses it, and copied into a new version
/// otherwise.
public struct CriteriaSetStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// A set in the list of sets: how many dossiers use it (a used set is frozen).
    public struct Listing: Sendable, Hashable {
        public let id: Int64
        public let year: Int
        public let subjectKind: DossierSubjectKind
        public let version: Int
        public let title: String
        public let dossiers: Int

        public var isFrozen: Bool { dossiers > 0 }
    }

    public func list() throws -> [Listing] {
        try connection.query(
            """
            SELECT s.id AS id, s.year AS year, s.subject_kind AS subject_kind, s.version AS version, s.title AS title,
                   (SELECT count(*) FROM dossiers d WHERE d.criteria_set_id = s.id) AS dossiers
            FROM criteria_sets s ORDER BY s.year DESC, s.subject_kind, s.version DESC
            """
        ).map { row in
            Listing(
                id: try row.int64("id"), year: try row.int("year"),
                subjectKind: DossierSubjectKind(rawValue: try row.string("subject_kind")) ?? .commune,
                version: try row.int("version"), title: try row.string("title"), dossiers: try row.int("dossiers"))
        }
    }

    /// Whether a dossier uses the set.
    public func isFrozen(_ id: Int64) throws -> Bool {
        try connection.scalar("SELECT 1 FROM dossiers WHERE criteria_set_id = ? LIMIT 1", [id], as: Int.self) != nil
    }

    /// The newest version of the year's set for that subject; nil when the province has none.
    public func current(year: Int, kind: DossierSubjectKind) throws -> CriteriaSet? {
        guard
            let id = try connection.scalar(
                "SELECT id FROM criteria_sets WHERE year = ? AND subject_kind = ? ORDER BY version DESC LIMIT 1",
                [year, kind.rawValue], as: Int64.self)
        else { return nil }
        return try set(id: id)
    }

    public func set(id: Int64) throws -> CriteriaSet? {
        guard
            let row = try connection.queryOne(
                "SELECT year, subject_kind, version, title, pass_total FROM criteria_sets WHERE id = ?", [id]),
            let kind = DossierSubjectKind(rawValue: try row.string("subject_kind"))
        else { return nil }
        let criteria = try connection.query(
            """
            SELECT code, parent_code, title, max_points, minimum_points, satisfaction FROM criteria
            WHERE set_id = ? ORDER BY position, id
            """, [id]
        ).map { row in
            Criterion(
                code: try row.string("code"), parentCode: try row.optionalString("parent_code"),
                title: try row.string("title"), maxPoints: try row.double("max_points"),
                minimumPoints: try row.optionalDouble("minimum_points"), isSatisfaction: try row.bool("satisfaction"))
        }
        let bands = try connection.query(
            "SELECT minimum_index, points FROM criteria_satisfaction_bands WHERE set_id = ?", [id]
        ).map { SatisfactionBands.Band(minimumIndex: try $0.double("minimum_index"), points: try $0.double("points")) }
        let kinds = try connection.query(
            "SELECT code, title, required, uploaded_by FROM criteria_document_kinds WHERE set_id = ? ORDER BY position",
            [id]
        ).map { row in
            DossierDocumentKind(
                code: try row.string("code"), title: try row.string("title"), required: try row.bool("required"),
                uploadedBy: DossierDocumentKind.Uploader(rawValue: try row.string("uploaded_by")) ?? .subject)
        }
        return CriteriaSet(
            id: id, year: try row.int("year"), subjectKind: kind, version: try row.int("version"),
            title: try row.string("title"), passTotal: try row.double("pass_total"), criteria: criteria,
            bands: SatisfactionBands(bands), documentKinds: kinds)
    }

    /// Replaces an unused set's title, pass total, criteria, bands and documents with `edited` (its id, year,
    /// kind and version are kept), checked in full first; audited.
    public func update(_ edited: CriteriaSet, by user: AuthenticatedUser, now: Int64) throws {
        guard user.role == .province else { throw DossierError.outOfScope }
        guard let stored = try set(id: edited.id) else { throw DossierError(.notFound, "Không có bộ tiêu chí này.") }
        guard try !isFrozen(edited.id) else { throw DossierError.frozen }
        let problems = edited.problems()
        guard problems.isEmpty else { throw DossierError(.invalid, problems.joined(separator: " ")) }
        try connection.transaction {
            try connection.run(
                "UPDATE criteria_sets SET title = ?, pass_total = ?, updated_at = ? WHERE id = ?",
                [edited.title, edited.passTotal, now, edited.id])
            try replaceContents(of: edited.id, with: edited)
            try AuditLog(connection).record(
                user, action: .criteriaSetUpdate,
                detail: "\(stored.year) · \(stored.subjectKind.label) · phiên bản \(stored.version)", at: now)
        }
    }

    /// A new version of the set, editable, with the same contents; returns its id. Audited.
    public func copy(_ id: Int64, by user: AuthenticatedUser, now: Int64) throws -> Int64 {
        guard user.role == .province else { throw DossierError.outOfScope }
        guard let source = try set(id: id) else { throw DossierError(.notFound, "Không có bộ tiêu chí này.") }
        return try connection.transaction {
            let version =
                (try connection.scalar(
                    "SELECT max(version) FROM criteria_sets WHERE year = ? AND subject_kind = ?",
                    [source.year, source.subjectKind.rawValue], as: Int.self) ?? 0) + 1
            try connection.run(
                """
                INSERT INTO criteria_sets (year, subject_kind, version, title, pass_total, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [source.year, source.subjectKind.rawValue, version, source.title, source.passTotal, now, now])
            let copy = connection.lastInsertRowID
            try replaceContents(of: copy, with: source)
            try AuditLog(connection).record(
                user, action: .criteriaSetCopy,
                detail: "\(source.year) · \(source.subjectKind.label) · phiên bản \(source.version) → \(version)",
                at: now)
            return copy
        }
    }

    private func replaceContents(of id: Int64, with set: CriteriaSet) throws {
        for table in ["criteria", "criteria_satisfaction_bands", "criteria_document_kinds"] {
            try connection.run("DELETE FROM \(table) WHERE set_id = ?", [id])
        }
        for (position, criterion) in set.criteria.enumerated() {
            try connection.run(
                """
                INSERT INTO criteria (set_id, code, parent_code, position, title, max_points, minimum_points,
                                      satisfaction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    id, criterion.code, criterion.parentCode, position + 1, criterion.title, criterion.maxPoints,
                    criterion.minimumPoints, criterion.isSatisfaction,
                ])
        }
        for band in set.bands.bands {
            try connection.run(
                "INSERT INTO criteria_satisfaction_bands (set_id, minimum_index, points) VALUES (?, ?, ?)",
                [id, band.minimumIndex, band.points])
        }
        for (position, kind) in set.documentKinds.enumerated() {
            try connection.run(
                """
                INSERT INTO criteria_document_kinds (set_id, code, position, title, required, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [id, kind.code, position + 1, kind.title, kind.required, kind.uploadedBy.rawValue])
        }
    }
}
