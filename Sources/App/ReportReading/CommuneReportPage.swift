import HTML
import Store
import Survey

/// `/admin/reports/{unit}/{date}`: one unit's report of a day as those above read it: the current figures and
/// texts, every earlier version when it was corrected, the day's photos, the replies, and for the district or
/// province the reply form. The commune sees the same page for itself, without the form.
struct CommuneReportPage {
    struct Content: Sendable {
        let unit: UnitRecord
        let date: LocalDate
        let report: DailyReport?
        let versions: [DailyReport]
        let replies: [ReportReply]
        let photos: [ReportPhoto]
    }

    let user: AuthenticatedUser
    let content: Content
    let today: LocalDate
    let csrf: String?
    /// The reply typed before a refusal, and why it was refused.
    let typed: String
    let message: String?
    let replied: Bool

    var date: LocalDate { content.date }

    func render() -> HTML {
        let unit = content.unit
        let day = { (other: LocalDate) in SiteRoute.communeReport(unit: unit.code, date: other.iso).path }
        let next: HTML = date < today ? " · <a href=\"\(day(date.adding(days: 1)))\">Ngày sau</a>" : .empty
        let back: HTML =
            user.role == .commune
            ? "<a href=\"\(SiteRoute.unitReport.href([("date", date == today ? nil : date.iso)]))\">Về trang báo cáo của đơn vị</a>"
            : "<a href=\"\(SiteRoute.communeReports.href([("date", date.iso)]))\">Về danh sách báo cáo các xã</a>"
        return """
            <h1>Báo cáo ngày \(date.vietnamese)</h1>
            <p class="place">\(unit.name) (\(unit.code))</p>
            <p><a href="\(day(date.adding(days: -1)))">Ngày trước</a>\(next) · \(back)</p>
            \(current())
            \(versions())
            <section id="anh"><h2>Ảnh tuyên truyền</h2>
            \(ReportDaySections.photos(unitCode: unit.code, date: date, photos: content.photos))
            </section>
            <section id="phan-hoi"><h2>Phản hồi</h2>
            \(replied ? "<p class=\"ok\" role=\"status\">Đã gửi phản hồi; xã thấy phản hồi trên trang báo cáo và bảng hôm nay.</p>" as HTML : .empty)
            \(content.report == nil ? .empty : ReportDaySections.replies(content.replies, currentVersion: content.report?.version))
            \(replyForm())
            </section>
            """
    }

    private func current() -> HTML {
        guard let report = content.report else {
            return "<p class=\"warn\">Đơn vị chưa nộp báo cáo ngày \(date.vietnamese).</p>"
        }
        let time = DeskRoutes.dateTime(report.submittedAt)
        let state: HTML =
            report.onTime
            ? "<span class=\"ok\">đúng hạn</span>" : "<strong class=\"warn\">muộn</strong>"
        return """
            <p>Nộp lần \(Format.count(report.version)) lúc \(time), \(state).</p>
            <dl class="report-figures">
            \(Self.figures(report))
            </dl>
            """
    }

    static func figures(_ report: DailyReport) -> HTML {
        let publicity = report.publicity.sorted().map(\.label).joined(separator: ", ")
        return """
            <dt>Lượt người đến</dt><dd>\(Format.count(report.visitors))</dd>
            <dt>Được hướng dẫn đánh giá</dt><dd>\(Format.count(report.guided))</dd>
            <dt>Cán bộ trực</dt><dd>\(Format.count(report.staffOnDuty))</dd>
            <dt>Tình nguyện viên</dt><dd>\(Format.count(report.volunteers))</dd>
            <dt>Hình thức tuyên truyền</dt><dd>\(publicity.isEmpty ? "–" : publicity)</dd>
            <dt>Khó khăn</dt><dd class="text">\(report.difficulties.isEmpty ? "–" : report.difficulties)</dd>
            <dt>Kiến nghị</dt><dd class="text">\(report.proposals.isEmpty ? "–" : report.proposals)</dd>
            """
    }

    /// Every version, newest first, when the report was corrected: what changed is visible side by side.
    private func versions() -> HTML {
        guard content.versions.count > 1 else { return .empty }
        let rows = content.versions.reversed().map { version -> HTML in
            let publicity = version.publicity.sorted().map(\.label).joined(separator: ", ")
            return """
                <tr><td data-label="Lần">\(Format.count(version.version))</td><td data-label="Lúc">\(DeskRoutes.dateTime(version.submittedAt))\(version.onTime ? "" : ", muộn")</td><td data-label="Lượt đến">\(Format.count(version.visitors))</td><td data-label="Được hướng dẫn">\(Format.count(version.guided))</td><td data-label="Cán bộ trực">\(Format.count(version.staffOnDuty))</td><td data-label="Tình nguyện viên">\(Format.count(version.volunteers))</td><td data-label="Tuyên truyền">\(publicity.isEmpty ? "–" : publicity)</td><td data-label="Khó khăn">\(version.difficulties.isEmpty ? "–" : version.difficulties)</td><td data-label="Kiến nghị">\(version.proposals.isEmpty ? "–" : version.proposals)</td></tr>
                """
        }
        return """
            <section id="cac-lan"><h2>Các lần nộp (\(Format.count(content.versions.count)))</h2>
            <table class="cards report-versions"><thead><tr><th>Lần</th><th>Lúc</th><th>Lượt đến</th><th>Được hướng dẫn</th><th>Cán bộ trực</th><th>Tình nguyện viên</th><th>Tuyên truyền</th><th>Khó khăn</th><th>Kiến nghị</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
    }

    private func replyForm() -> HTML {
        guard user.role != .commune else { return .empty }
        guard content.report != nil else {
            return "<p class=\"note\">Khi xã nộp báo cáo ngày này, bạn có thể phản hồi tại đây.</p>"
        }
        let error: HTML = message.map { "<p class=\"summary\" role=\"alert\" id=\"e-body\">\($0)</p>" } ?? .empty
        let path = SiteRoute.replyToReport(unit: content.unit.code, date: date.iso).path
        return """
            <form method="post" action="\(path)">
            \(AdminLayout.csrfField(csrf))
            \(error)
            <p><label for="body"><strong>Phản hồi cho xã</strong></label>
            <textarea id="body" name="body" rows="4" maxlength="\(ReportReadingStore.maxReplyLength)" required\(message == nil ? HTML.empty : " aria-describedby=\"e-body\"")>\(typed)</textarea></p>
            <p><button type="submit">Gửi phản hồi</button></p>
            </form>
            """
    }
}
