import Store
import Survey

/// One commune of `GET /api/v1/reports`: a row of the reading list (`/admin/reports`) for the day. `status` is
/// "dung_gio", "muon" or "chua_bao_cao"; without a report `filed_at`, `versions` and `report` are `null`. `report`
/// is the current version whole (the page shows its first 120 characters of each text); `photos` and `replies` are
/// the page's counts (a day may have photos before its report).
struct APICommuneReportRow: Encodable, Sendable {
    let date: String
    let code: String
    let name: String
    let district: String?
    let districtName: String?
    let status: String
    let filedAt: String?
    let versions: Int?
    let report: APIReportVersion?
    let photos: Int
    let replies: Int
    /// Where the row stands in the store's order (district, then code).
    let listPosition: APIListPosition

    init(_ row: CommuneReportRow, date: LocalDate, districtCodes: [Int64: String]) {
        self.date = date.iso
        code = row.unit.code
        name = row.unit.name
        district = row.unit.parentID.flatMap { districtCodes[$0] }
        districtName = row.districtName.isEmpty ? nil : row.districtName
        status = Self.status(row.report)
        filedAt = row.report.map { VietnamTime.timestampText(at: $0.submittedAt) }
        versions = row.report?.version
        report = row.report.map(APIReportVersion.init)
        photos = row.photos
        replies = row.replies
        listPosition = APIListPosition(.ascending(row.unit.parentID ?? 0), .ascendingText(row.unit.code))
    }

    static func status(_ report: DailyReport?) -> String {
        guard let report else { return "chua_bao_cao" }
        return report.onTime ? "dung_gio" : "muon"
    }

    enum CodingKeys: String, CodingKey {
        case date, code, name, district, status, versions, report, photos, replies
        case districtName = "district_name"
        case filedAt = "filed_at"
    }

    // Explicit, so that missing values are written as null rather than left out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(district, forKey: .district)
        try container.encode(districtName, forKey: .districtName)
        try container.encode(status, forKey: .status)
        try container.encode(filedAt, forKey: .filedAt)
        try container.encode(versions, forKey: .versions)
        try container.encode(report, forKey: .report)
        try container.encode(photos, forKey: .photos)
        try container.encode(replies, forKey: .replies)
    }
}
