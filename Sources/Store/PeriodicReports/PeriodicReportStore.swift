import Database
import Survey

/// Six-month and annual reports to the level above (migration 0023): the fields they carry, filing (a document
/// and every field's figure, replacing an earlier filing of the period), and what the level above reads.
public struct PeriodicReportStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public func fields() throws -> [PeriodicReportField] {
        try connection.query("SELECT code, title FROM periodic_report_fields ORDER BY position, code").map {
            PeriodicReportField(code: try $0.string("code"), title: try $0.string("title"))
        }
    }

    /// Reads every field's figure from `typed` (a whole number ≥ 0, "1.250" allowed); throws `.invalid` naming the
    /// first field that is not.
    public func figures(_ typed: [String: String]) throws -> [String: Int] {
        var values: [String: Int] = [:]
        for field in try fields() {
            let text = (typed[field.code] ?? "").filter { $0 != "." && $0 != " " }
            guard let value = Int(text), value >= 0 else {
                throw PeriodicReportError(.invalid, "“\(field.title)” phải là một số nguyên không âm.")
            }
            values[field.code] = value
        }
        return values
    }

    /// Files the unit's report of the period, replacing an earlier filing, in one transaction.
    @discardableResult
    public func file(
        unitID: Int64, year: Int, period: ReportPeriod, document: PeriodicReport.Document, values: [String: Int],
        by user: AuthenticatedUser, now: Int64
    ) throws -> Int64 {
        try connection.transaction {
            try connection.run(
                """
                DELETE FROM periodic_report_values WHERE report_id IN
                    (SELECT id FROM periodic_reports WHERE unit_id = ? AND year = ? AND period = ?)
                """, [unitID, year, period.rawValue])
            try connection.run(
                "DELETE FROM periodic_reports WHERE unit_id = ? AND year = ? AND period = ?",
                [unitID, year, period.rawValue])
            try connection.run(
                """
                INSERT INTO periodic_reports (unit_id, year, period, content_hash, media_type, file_name, size,
                                              filed_by, filed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    unitID, year, period.rawValue, document.contentHash, document.mediaType, document.fileName,
                    document.size, user.id, now,
                ])
            let id = connection.lastInsertRowID
            for (code, value) in values.sorted(by: { $0.key < $1.key }) {
                try connection.run(
                    "INSERT INTO periodic_report_values (report_id, field_code, value) VALUES (?, ?, ?)",
                    [id, code, value])
            }
            return id
        }
    }

    /// The reports of these units in the year, by unit and period.
    public func reports(unitIDs: [Int64], year: Int) throws -> [Int64: [ReportPeriod: PeriodicReport]] {
        var byUnit: [Int64: [ReportPeriod: PeriodicReport]] = [:]
        let wanted = Set(unitIDs)
        for report in try connection.query("\(Self.columns) WHERE year = ? ORDER BY id", [year]).map(Self.report)
        where wanted.contains(report.unitID) {
            byUnit[report.unitID, default: [:]][report.period] = try withValues(report)
        }
        return byUnit
    }

    public func report(id: Int64) throws -> PeriodicReport? {
        try connection.queryOne("\(Self.columns) WHERE id = ?", [id]).map(Self.report).map(withValues)
    }

    private func withValues(_ report: PeriodicReport) throws -> PeriodicReport {
        var report = report
        for row in try connection.query(
            "SELECT field_code, value FROM periodic_report_values WHERE report_id = ?", [report.id])
        {
            report.values[try row.string("field_code")] = try row.int("value")
        }
        return report
    }

    static let columns = """
        SELECT id, unit_id, year, period, content_hash, media_type, file_name, size, filed_at FROM periodic_reports
        """

    static func report(_ row: Row) throws -> PeriodicReport {
        let id = try row.int64("id")
        guard let period = ReportPeriod(rawValue: try row.string("period")) else {
            throw ReportDataError(description: "Báo cáo định kỳ số \(id) có kỳ báo cáo hỏng trong cơ sở dữ liệu.")
        }
        return PeriodicReport(
            id: id, unitID: try row.int64("unit_id"), year: try row.int("year"), period: period,
            contentHash: try row.string("content_hash"), mediaType: try row.string("media_type"),
            fileName: try row.string("file_name"), size: try row.int("size"), filedAt: try row.int64("filed_at"),
            values: [:])
    }
}
