import HTML
import Store
import Survey

/// What the unit's own report page (`/admin/report`) adds below the form: the replies of those above to this day's
/// report, and the day's photos with the form to add one (today, or a past day whose report was filed).
struct UnitReportDaySection {
    let user: AuthenticatedUser
    let date: LocalDate
    let today: LocalDate
    let photos: [ReportPhoto]
    let replies: [ReportReply]
    let currentVersion: Int?
    let rules: ReportPhotoRules
    let csrf: String?
    let photoAdded: Bool

    func render() -> HTML {
        let repliesSection: HTML =
            currentVersion == nil || replies.isEmpty
            ? .empty
            : """
            <section id="phan-hoi"><h2>Phản hồi của cấp trên</h2>
            \(ReportDaySections.replies(replies, currentVersion: currentVersion))
            </section>
            """
        let mayAdd = date == today || (date < today && currentVersion != nil)
        let notice: HTML =
            photoAdded ? "<p class=\"ok\" role=\"status\">Đã nhận ảnh.</p>" : .empty
        return """
            \(repliesSection)
            <section id="anh"><h2>Ảnh tuyên truyền trong ngày</h2>
            \(notice)
            \(ReportDaySections.photos(unitCode: user.unitCode, date: date, photos: photos))
            \(mayAdd ? ReportDaySections.uploadForm(date: date, today: today, count: photos.count, rules: rules, csrf: csrf) : .empty)
            </section>
            """
    }
}
