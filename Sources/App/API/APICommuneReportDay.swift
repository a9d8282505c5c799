import Store
import Survey

/// `GET /api/v1/reports/{code}/{date}`: one unit's report of a day as the reading page (`/admin/reports/{code}/
/// {date}`) shows it: every version oldest first (the last is the current report; none without a report), the
/// replies oldest first, each saying which version it answered and whether the report was corrected after it, and
/// the day's photos with the console address that serves each (the API never carries the image).
struct APICommuneReportDay: Encodable, Sendable {
    struct Reply: Encodable, Sendable {
        let id: Int64
        let version: Int
        let correctedAfter: Bool
        let text: String
        let repliedAt: String
        @Nullable var unitCode: String?
        @Nullable var unitName: String?
        @Nullable var username: String?
        @Nullable var role: String?

        init(_ reply: ReportReply, currentVersion: Int?) {
            id = reply.id
            version = reply.reportVersion
            // The page's rule (`ReportDaySections.replies`): corrected when the current version is newer.
            correctedAfter = (currentVersion ?? reply.reportVersion) > reply.reportVersion
            text = reply.body
            repliedAt = VietnamTime.timestampText(at: reply.repliedAt)
            unitCode = reply.unitCode.isEmpty ? nil : reply.unitCode
            unitName = reply.unitName.isEmpty ? nil : reply.unitName
            username = reply.username.isEmpty ? nil : reply.username
            role = reply.role.isEmpty ? nil : reply.role
        }
    }

    struct Photo: Encodable, Sendable {
        let id: Int64
        let fileName: String
        let mediaType: String
        let size: Int
        let uploadedAt: String
        let url: String

        init(_ photo: ReportPhoto, unitCode: String) {
            id = photo.id
            fileName = photo.fileName
            mediaType = photo.mediaType
            size = photo.size
            uploadedAt = VietnamTime.timestampText(at: photo.uploadedAt)
            url = SiteRoute.reportPhoto(unit: unitCode, date: photo.date.iso, photo: photo.id).path
        }
    }

    let date: String
    let code: String
    let name: String
    let status: String
    @Nullable var filedAt: String?
    @Nullable var currentVersion: Int?
    let versions: [APIReportVersion]
    let replies: [Reply]
    let photos: [Photo]

    init(
        unit: UnitRecord, date: LocalDate, report: DailyReport?, versions: [DailyReport], replies: [ReportReply],
        photos: [ReportPhoto]
    ) {
        self.date = date.iso
        code = unit.code
        name = unit.name
        status = APICommuneReportRow.status(report)
        filedAt = report.map { VietnamTime.timestampText(at: $0.submittedAt) }
        currentVersion = report?.version
        self.versions = versions.map(APIReportVersion.init)
        self.replies = replies.map { Reply($0, currentVersion: report?.version) }
        self.photos = photos.map { Photo($0, unitCode: unit.code) }
    }
}
