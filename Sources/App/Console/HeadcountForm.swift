import HTML
import Store
import Survey

/// The headcount page of a campaign that counts officials (PKS01): their number, entered once for the campaign,
/// instead of daily visitors. The daily report itself is the unit's, at `/admin/report` (`UnitReportForm`).
struct HeadcountForm {
    let context: ConsoleContext
    let csrf: String?
    let state: State
    let headcount: Int?
    /// Back from saving (`?saved=1`).
    let saved: Bool

    struct State {
        var fields: [String: [String]] = [:]
        var errors: [String: String] = [:]
        var message: String?

        init(fields: [String: [String]] = [:], errors: [String: String] = [:], message: String? = nil) {
            self.fields = fields
            self.errors = errors
            self.message = message
        }
    }

    func render() -> HTML {
        let campaign = context.campaign
        var notices: [HTML] = []
        if saved { notices.append("<p class=\"ok\" role=\"status\">Đã lưu số cán bộ, công chức.</p>") }
        if let message = state.message { notices.append("<p class=\"summary\" role=\"alert\">\(message)</p>") }
        return """
            <h1>Số cán bộ, công chức</h1>
            <p class="place">\(context.user.unitName) · \(campaign.title)</p>
            \(notices)
            \(headcountForm(action: SiteRoute.dailyReport(campaign: campaign.id).path))
            <p><a href="\(SiteRoute.unitReport.path)">Báo cáo ngày của đơn vị</a> · <a href="\(SiteRoute.dashboard(campaign: campaign.id).path)">Về trang tổng hợp của đợt</a></p>
            """
    }

    private func headcountForm(action: String) -> HTML {
        if let headcount {
            return
                "<p class=\"ok\">Đã nhập số cán bộ, công chức của cơ quan: <strong>\(headcount)</strong>. Cần sửa, vui lòng liên hệ huyện.</p>"
        }
        let name = HeadcountStore.field
        let error: HTML = state.errors[name].map { " <span class=\"error\" id=\"e-\(name)\">\($0)</span>" } ?? .empty
        let describedBy: HTML = state.errors[name] == nil ? .empty : " aria-describedby=\"e-\(name)\""
        let value = state.fields[name]?.first ?? ""
        return """
            <form method="post" action="\(action)" novalidate>
            \(AdminLayout.csrfField(csrf))
            <p><label for="\(name)"><strong>Số cán bộ, công chức, người lao động của các cơ quan cấp xã (nhập một lần cho cả đợt)</strong></label>\(error)
            <input class="text" id="\(name)" type="number" inputmode="numeric" min="0" max="\(DailyReportDraft.maxCount)" name="\(name)" value="\(value)"\(describedBy) required></p>
            <p><button type="submit" class="button primary">Lưu</button></p>
            </form>
            """
    }
}
