import Database
import Survey

/// What those above a commune do with its daily reports (migration 0023): read them per day and per unit, with
/// every version of a corrected report, and reply. Scope is `UnitScope`'s: a district reads its own communes (and
/// its desk), the province every unit of its set, a commune only itself.
public struct ReportReadingStore {
    package let connection: Connection

    /// The longest reply, as the table's CHECK allows.
    public static let maxReplyLength = 2000

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The unit of `code` in the user's unit set, if the user's scope covers it; throws `ReportReadingError`.
    public func unit(code: String, for user: AuthenticatedUser) throws -> UnitRecord {
        let units = UnitStore(connection)
        guard let own = try units.unit(id: user.unitID), let unit = try units.unit(code: code, inSet: own.unitSetID)
        else {
            throw ReportReadingError(.notFound, "Không có đơn vị mã “\(code)”.")
        }
        guard try UnitScope(user: user, connection: connection).contains(unitID: unit.id) else {
            throw ReportReadingError.outOfScope
        }
        return unit
    }

    /// The communes a manager reads on `date`, each with its report if filed: a district's own communes, the
    /// province's every commune (or one district's, `districtID`), ordered by district then code.
    public func communeRows(for user: AuthenticatedUser, date: LocalDate, districtID: Int64? = nil) throws
        -> [CommuneReportRow]
    {
        let units = UnitStore(connection)
        guard let own = try units.unit(id: user.unitID) else { return [] }
        let communes: [UnitRecord]
        switch user.role {
        case .commune: communes = [own]
        case .district: communes = try units.communes(inSet: own.unitSetID, district: own.id)
        case .province: communes = try units.communes(inSet: own.unitSetID, district: districtID)
        }
        let districts = Dictionary(
            uniqueKeysWithValues: try units.units(inSet: own.unitSetID, level: "district").map { ($0.id, $0) })
        let reports = Dictionary(
            try connection.query("\(DailyReportStore.columns) WHERE local_date = ?", [date.iso])
                .map(DailyReportStore.report).map { ($0.unitID, $0) },
            uniquingKeysWith: { first, _ in first })
        let replies = try counts(
            """
            SELECT r.unit_id AS unit_id, count(*) AS n FROM unit_daily_report_replies p
            JOIN unit_daily_reports r ON r.id = p.report_id WHERE r.local_date = ? GROUP BY r.unit_id
            """, date)
        let photos = try counts(
            "SELECT unit_id, count(*) AS n FROM unit_daily_report_photos WHERE local_date = ? GROUP BY unit_id", date)
        return
            communes
            .map { unit in
                CommuneReportRow(
                    unit: unit, districtName: unit.parentID.flatMap { districts[$0]?.name } ?? "",
                    report: reports[unit.id], replies: replies[unit.id] ?? 0, photos: photos[unit.id] ?? 0)
            }
            .sorted { ($0.unit.parentID ?? 0, $0.unit.code) < ($1.unit.parentID ?? 0, $1.unit.code) }
    }

    private func counts(_ sql: String, _ date: LocalDate) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try connection.query(sql, [date.iso]) { counts[try row.int64("unit_id")] = try row.int("n") }
        return counts
    }

    /// The replies to a report, oldest first.
    public func replies(reportID: Int64) throws -> [ReportReply] {
        try connection.query(
            """
            SELECT p.id AS id, p.report_id AS report_id, p.report_version AS report_version, p.body AS body,
                   p.replied_at AS replied_at, coalesce(u.username, '') AS username, coalesce(n.name, '') AS unit_name,
                   coalesce(n.code, '') AS unit_code, coalesce(u.role, '') AS role
            FROM unit_daily_report_replies p
            LEFT JOIN users u ON u.id = p.replied_by LEFT JOIN units n ON n.id = u.unit_id
            WHERE p.report_id = ? ORDER BY p.id
            """, [reportID]
        ).map(Self.reply)
    }

    /// The replies to the unit's reports of the days from `from` on, newest day first: what the commune's today
    /// board shows, so an answer to yesterday's difficulty is not missed.
    public func recentReplies(unitID: Int64, from: LocalDate) throws -> [(date: LocalDate, reply: ReportReply)] {
        try connection.query(
            """
            SELECT p.id AS id, p.report_id AS report_id, p.report_version AS report_version, p.body AS body,
                   p.replied_at AS replied_at, coalesce(u.username, '') AS username, coalesce(n.name, '') AS unit_name,
                   coalesce(n.code, '') AS unit_code, coalesce(u.role, '') AS role,
                   r.local_date AS local_date
            FROM unit_daily_reports r JOIN unit_daily_report_replies p ON p.report_id = r.id
            LEFT JOIN users u ON u.id = p.replied_by LEFT JOIN units n ON n.id = u.unit_id
            WHERE r.unit_id = ? AND r.local_date >= ? ORDER BY r.local_date DESC, p.id
            """, [unitID, from.iso]
        ).compactMap { row in
            guard let date = LocalDate(iso: try row.string("local_date")) else { return nil }
            return (date, try Self.reply(row))
        }
    }

    /// Adds a reply to the unit's current report of `date`, recording the version read; throws
    /// `ReportReadingError` (no report, empty or too long a text). The user's scope is the caller's check
    /// (`unit(code:for:)`).
    @discardableResult
    public func reply(unitID: Int64, date: LocalDate, body: String, by user: AuthenticatedUser, now: Int64) throws
        -> Int64
    {
        let text = SearchText.clean(body)
        guard !text.isEmpty else {
            throw ReportReadingError(.invalid, "Vui lòng nhập nội dung phản hồi.")
        }
        guard text.count <= Self.maxReplyLength else {
            throw ReportReadingError(
                .invalid, "Phản hồi dài quá \(Self.maxReplyLength) ký tự; vui lòng viết ngắn gọn hơn.")
        }
        return try connection.transaction {
            guard let report = try DailyReportStore(connection).report(unitID: unitID, date: date) else {
                throw ReportReadingError.noReport
            }
            try connection.run(
                """
                INSERT INTO unit_daily_report_replies (report_id, report_version, body, replied_by, replied_at)
                VALUES (?, ?, ?, ?, ?)
                """, [report.id, report.version, text, user.id, now])
            return connection.lastInsertRowID
        }
    }

    static func reply(_ row: Row) throws -> ReportReply {
        ReportReply(
            id: try row.int64("id"), reportID: try row.int64("report_id"), reportVersion: try row.int("report_version"),
            body: try row.string("body"), username: try row.string("username"), unitName: try row.string("unit_name"),
            unitCode: try row.string("unit_code"), role: try row.string("role"), repliedAt: try row.int64("replied_at"))
    }
}
