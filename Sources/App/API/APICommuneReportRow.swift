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
    @Nullable var district: String?
    @Nullable var districtName: String?
    let status: String
    @Nullable var filedAt: String?
    @Nullable var versions: Int?
    @Nullable var report: APIReportVersion?
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

    /// The keys written: every property but `listPosition` (`APIJSON` snake-cases them).
    enum CodingKeys: CodingKey {
        case date, code, name, district, districtName, status, filedAt, versions, report, photos, replies
    }
}
