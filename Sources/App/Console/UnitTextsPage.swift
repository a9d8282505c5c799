import HTML
import Store
import Survey

/// A unit's free-text answers, newest first, with a filter by day that works without JavaScript (a GET form). A
/// table that turns into cards on a phone (`AdminStyles`, `table.cards`).
struct UnitTextsPage {
    /// Newest texts shown at most; a day's filter narrows further.
    static let limit = 500

    let campaign: CampaignRecord
    let unit: UnitRecord
    let date: LocalDate?
    let texts: [ResponseText]

    func render() -> HTML {
        let path = SiteRoute.unitTexts(campaign: campaign.id, unit: unit.code).path
        let back = SiteRoute.campaignUnit(campaign: campaign.id, unit: unit.code).path
        let scope: HTML = date.map { day -> HTML in "ngày \(day.vietnamese)" } ?? "tất cả các ngày"
        let all: HTML = date == nil ? .empty : " <a href=\"\(path)\">Xem tất cả các ngày</a>"
        let capped: HTML =
            texts.count >= Self.limit
            ? "<p class=\"note\">Chỉ hiện \(Format.count(Self.limit)) ý kiến mới nhất; chọn một ngày để xem các ý kiến khác.</p>"
            : .empty
        let head: HTML = """
            <h1>Ý kiến ghi thêm – \(unit.name)</h1>
            <p class="note">Đợt <a href="\(SiteRoute.dashboard(campaign: campaign.id).path)">\(campaign.title)</a> · mã \(unit.code) · \(scope)</p>
            <p class="note">Người dân trả lời không ghi tên; ý kiến được giữ nguyên văn. Phiếu đã xác nhận là gian lận không được liệt kê.</p>
            <form method="get" action="\(path)" class="filters noprint"><label>Ngày gửi <input type="date" name="date" value="\(date?.iso ?? "")" min="\(campaign.schedule.startsOn.iso)" max="\(campaign.schedule.endsOn.iso)"></label> <button type="submit" class="button">Lọc</button>\(all)</form>
            \(capped)
            """
        let links: HTML = "<p class=\"actions noprint\"><a href=\"\(back)\">← Về trang đơn vị</a></p>"
        guard !texts.isEmpty else { return head + "<p>Chưa có ý kiến ghi thêm nào.</p>" + links }
        let rows = texts.map { text -> HTML in
            let day = VietnamTime.localDate(at: text.submittedAt).vietnamese
            let time = String(VietnamTime.clockText(at: text.submittedAt).prefix(5))
            let flag: HTML = text.flaggedOpen ? " <span class=\"tag warn\">gắn cờ</span>" : .empty
            return
                "<tr><td data-label=\"Thời điểm gửi\">\(day) \(time)\(flag)</td><td data-label=\"Câu hỏi\">\(text.questionLabel). \(text.questionText)</td><td data-label=\"Ý kiến\">\(text.text)</td></tr>"
        }
        return head + """
            <p>\(Format.count(texts.count)) ý kiến.</p>
            <div class="scroll"><table class="cards texts"><thead><tr><th>Thời điểm gửi</th><th>Câu hỏi</th><th>Ý kiến</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """ + links
    }
}
