import HTML
import Store
import Survey

/// The list of a unit's flagged answers: when, how long the form took, why, where it stands, and for the province
/// the two buttons. Nothing that points at a person: no network or device hash, no answer text. A table that turns
/// into cards on a phone (`AdminStyles`).
struct FlagsPage {
    let campaign: CampaignRecord
    let unit: UnitRecord
    let answers: [FlaggedAnswer]
    let canReview: Bool
    let csrf: String?
    let notice: String?

    func render() -> HTML {
        let open = answers.filter { $0.state == .open }.count
        let confirmed = answers.filter { $0.state == .confirmed }.count
        let cleared = answers.count - open - confirmed
        let back = SiteRoute.campaignUnit(campaign: campaign.id, unit: unit.code).path
        let saved: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let intro: HTML = """
            <h1>Phiếu bị gắn cờ – \(unit.name)</h1>
            <p class="note">Đợt <a href="\(SiteRoute.dashboard(campaign: campaign.id).path)">\(campaign.title)</a> · mã \(unit.code)</p>
            \(saved)
            <p>\(Format.count(open)) phiếu chưa xem xét (vẫn được tính trong số phiếu và tỷ lệ hài lòng) · \(Format.count(confirmed)) phiếu đã xác nhận (không tính) · \(Format.count(cleared)) phiếu đã bỏ cờ (vẫn tính).</p>
            <p class="note">Cờ chỉ là dấu hiệu cần xem lại, không phải kết luận. Xác nhận một phiếu sẽ loại phiếu đó khỏi số phiếu, chỉ tiêu và tỷ lệ hài lòng; bỏ cờ một phiếu đã xác nhận sẽ tính lại phiếu đó.</p>
            """
        guard !answers.isEmpty else {
            return intro + "<p>Chưa có phiếu nào của đơn vị này bị gắn cờ.</p>" + links(back)
        }
        let actionsHeading: HTML = canReview ? "<th>Xem xét</th>" : .empty
        let rows = answers.map(row)
        return intro + """
            <div class="scroll"><table class="cards flags"><thead><tr><th>Số phiếu</th><th>Thời điểm gửi</th><th>Thời gian điền</th><th>Lý do</th><th>Trạng thái</th>\(actionsHeading)</tr></thead><tbody>\(rows)</tbody></table></div>
            """ + links(back)
    }

    private func row(_ answer: FlaggedAnswer) -> HTML {
        let sent = VietnamTime.localDate(at: answer.submittedAt).vietnamese
        let clock = VietnamTime.clockText(at: answer.submittedAt)
        let reasons = answer.reasons.map { reason -> HTML in
            "<li>\(reason.label) <span class=\"note\">\(answer.details[reason] ?? "")</span></li>"
        }
        var actions: HTML = .empty
        if canReview {
            let action = SiteRoute.reviewFlag(campaign: campaign.id, unit: unit.code, response: answer.id).path
            func button(_ value: String, _ label: String) -> HTML {
                """
                <form method="post" action="\(action)">\(AdminLayout.csrfField(csrf))<input type="hidden" name="action" value="\(value)"><button class="button" type="submit">\(label)</button></form>
                """
            }
            let buttons: [HTML] = [
                answer.state == .confirmed ? .empty : button("confirm", "Xác nhận (không tính)"),
                answer.state == .cleared ? .empty : button("clear", "Bỏ cờ (vẫn tính)"),
            ]
            actions = "<td class=\"actions\" data-label=\"Xem xét\">\(HTML.join(buttons, separator: " "))</td>"
        }
        return """
            <tr><td data-label="Số phiếu">\(String(answer.id))</td><td data-label="Thời điểm gửi">\(clock) \(sent)</td><td data-label="Thời gian điền">\(Format.count(answer.fillSeconds)) giây</td><td data-label="Lý do"><ul>\(reasons)</ul></td><td data-label="Trạng thái">\(answer.state.label)</td>\(actions)</tr>
            """
    }

    private func links(_ back: String) -> HTML {
        let hours: HTML =
            canReview
            ? " · <a href=\"\(SiteRoute.unitDeskHours(unit: unit.code).path)\">Giờ làm việc của đơn vị</a>" : .empty
        return "<p class=\"actions noprint\"><a href=\"\(back)\">← Về trang của \(unit.name)</a>\(hours)</p>"
    }
}
