import HTML
import Store
import Survey

/// The district's confirmation after opening late entry: which commune, which day, why, and until when.
struct LateEntryPage {
    let campaignID: Int64
    let opening: LateEntryOpening
    let unitCode: String
    let unitName: String
    let now: Int64

    func render() -> HTML {
        let what = "báo cáo ngày \(opening.date.vietnamese) cho \(unitCode) \(unitName)"
        let state: HTML =
            opening.isActive(at: now)
            ? "<p class=\"ok\" role=\"status\">Đã mở nhập muộn \(what): được nhập muộn đến \(opening.untilText).</p>"
            : "<p class=\"warn\" role=\"status\">Lượt mở nhập muộn \(what) đã hết hạn lúc \(opening.untilText).</p>"
        return """
            <h1>Mở nhập muộn</h1>
            \(state)
            <p>Lý do: \(opening.reason)</p>
            <p><a href="\(SiteRoute.lateEntries.path)">Các lượt mở nhập muộn còn hạn (đóng khi cần)</a></p>
            <p><a href="\(SiteRoute.dashboard(campaign: campaignID).path)">Về trang tổng hợp của đợt</a></p>
            """
    }
}
