import HTML
import Store
import Survey

/// The unit's one daily report (`/admin/report`), usable at 360 px: the campaigns it counts for, the window spelled
/// out (before it: when it opens; after it: the form read-only and when the next window opens), the days open for
/// late entry with their end, and the form itself, each field's message beside it.
struct UnitReportForm {
    let user: AuthenticatedUser
    let now: Int64
    let date: LocalDate
    let day: ReportDay
    let report: DailyReport?
    /// The unit's late-entry openings in force now, one per date.
    let openings: [LateEntryOpening]
    let csrf: String?
    let state: State
    /// The version just saved (`?saved=`), and whether it went in late.
    let saved: String?
    let late: Bool

    struct State {
        var fields: [String: [String]] = [:]
        var errors: [String: String] = [:]
        /// Why the last submission was refused.
        var message: String?

        init(fields: [String: [String]] = [:], errors: [String: String] = [:], message: String? = nil) {
            self.fields = fields
            self.errors = errors
            self.message = message
        }

        /// The day's report already filed: the form starts from it, so a correction changes only what is wrong.
        init(report: DailyReport) {
            typealias Field = DailyReportDraft.Field
            fields = [
                Field.visitors: [String(report.visitors)], Field.guided: [String(report.guided)],
                Field.staffOnDuty: [String(report.staffOnDuty)], Field.volunteers: [String(report.volunteers)],
                Field.publicity: report.publicity.map(\.rawValue), Field.difficulties: [report.difficulties],
                Field.proposals: [report.proposals],
            ]
        }
    }

    var today: LocalDate { VietnamTime.localDate(at: now) }
    var opening: LateEntryOpening? { openings.first { $0.date == date } }

    /// Whether the form can be filled in: today until the window closes (before it opens the team may type the
    /// figures ahead and send them at 16:30), or a day open for late entry. After the window it is read-only.
    var isEditable: Bool {
        guard let window = day.window, date <= today else { return false }
        if opening != nil { return true }
        guard date == today else { return false }
        if case .after = window.position(at: now) { return false }
        return true
    }

    func render() -> HTML {
        var notices: [HTML] = []
        if let saved {
            let mark = late ? ", đánh dấu báo cáo muộn" : ""
            notices.append(
                "<p class=\"ok\" role=\"status\">Đã lưu báo cáo ngày \(date.vietnamese) (lần \(saved))\(mark).</p>")
        }
        if let message = state.message { notices.append("<p class=\"summary\" role=\"alert\">\(message)</p>") }
        return """
            <h1>Báo cáo ngày \(date.vietnamese)</h1>
            <p class="place">\(user.unitName)</p>
            \(notices)
            \(campaigns())
            \(windowNote())
            \(lateEntries())
            \(filed())
            \(day.campaigns.isEmpty || (report == nil && !isEditable) ? .empty : reportForm())
            <p><a href="\(SiteRoute.campaigns.path)">Về danh sách đợt khảo sát</a></p>
            """
    }

    /// Which campaigns the report counts for: one report per day, whatever their number.
    private func campaigns() -> HTML {
        guard !day.campaigns.isEmpty else {
            return
                "<p class=\"warn\">Ngày \(date.vietnamese) không có đợt khảo sát nào đang mở cho đơn vị, nên không nhận báo cáo ngày.</p>"
        }
        let items = day.campaigns.map { campaign -> HTML in
            "<li><a href=\"\(SiteRoute.dashboard(campaign: campaign.id).path)\">\(campaign.title)</a> (\(campaign.formCode))</li>"
        }
        let count = day.campaigns.count
        let lead: HTML =
            count == 1
            ? "Báo cáo này được dùng cho đợt khảo sát:"
            : "Một báo cáo cho cả \(count) đợt khảo sát đang mở; báo cáo này được dùng cho:"
        return "<p>\(lead)</p><ul class=\"campaign-list\">\(items)</ul>"
    }

    /// Today: where the window stands. Another day: whether it is open for late entry.
    private func windowNote() -> HTML {
        if let opening {
            return "<p class=\"ok\">Ngày \(date.vietnamese) được nhập muộn đến \(opening.untilText).</p>"
        }
        guard date == today else {
            return "<p class=\"warn\">\(ReportSubmissionError.notToday(date, today: today).message)</p>"
        }
        guard let window = day.window else { return .empty }
        let clock = VietnamTime.clockText(at: now)
        let opens = String(window.text.prefix(5))
        switch window.position(at: now) {
        case .inside(let seconds):
            return
                "<p class=\"ok\">Đang trong khung giờ báo cáo \(window.text). Bây giờ là \(clock); còn \(DurationText.vietnamese(seconds: seconds)).</p>"
        case .before(let seconds):
            return
                "<p class=\"warn\">Chưa đến giờ báo cáo. Khung giờ báo cáo hôm nay mở lúc \(opens) (còn \(DurationText.vietnamese(seconds: seconds))); bây giờ là \(clock). Có thể điền trước và gửi khi đến giờ.</p>"
        case .after(let seconds):
            return
                "<p class=\"warn\">Đã hết giờ nhận báo cáo hôm nay (\(window.text)); bây giờ là \(clock). Khung giờ tiếp theo mở lúc \(opens) ngày \(today.adding(days: 1).vietnamese) (còn \(DurationText.vietnamese(seconds: seconds))). Biểu mẫu chỉ để xem; nếu cần nộp muộn, hãy đề nghị cấp huyện mở nhập muộn.</p>"
        }
    }

    /// The other days open for late entry, each with its end.
    private func lateEntries() -> HTML {
        let others = openings.filter { $0.date != date }
        guard !others.isEmpty else { return .empty }
        let items = others.map { other -> HTML in
            let link = SiteRoute.unitReport.href([("date", other.date == today ? nil : other.date.iso)])
            return
                "<li><a href=\"\(link)\">Báo cáo ngày \(other.date.vietnamese)</a>: được nhập muộn đến \(other.untilText)</li>"
        }
        return "<h2>Ngày được mở nhập muộn</h2><ul class=\"late-days\">\(items)</ul>"
    }

    private func filed() -> HTML {
        guard let report else { return .empty }
        let time =
            "\(VietnamTime.clockText(at: report.submittedAt).prefix(5)) \(VietnamTime.localDate(at: report.submittedAt).vietnamese)"
        let late = report.onTime ? "" : ", muộn"
        let hint = isEditable ? " Có thể sửa và gửi lại." : ""
        return
            "<p class=\"note\">Đơn vị đã gửi báo cáo ngày này (lần \(report.version), lúc \(time)\(late)).\(hint)</p>"
    }

    private func value(_ name: String) -> String { state.fields[name]?.first ?? "" }

    private func error(_ name: String) -> HTML {
        state.errors[name].map { " <span class=\"error\" id=\"e-\(name)\">\($0)</span>" } ?? .empty
    }

    private func describedBy(_ name: String) -> HTML {
        state.errors[name] == nil ? .empty : " aria-describedby=\"e-\(name)\""
    }

    private func number(_ name: String, _ label: String) -> HTML {
        """
        <p><label for="\(name)"><strong>\(label)</strong></label>\(error(name))
        <input class="text" id="\(name)" type="number" inputmode="numeric" min="0" max="\(DailyReportDraft.maxCount)" name="\(name)" value="\(value(name))"\(describedBy(name)) required></p>
        """
    }

    private func text(_ name: String, _ label: String) -> HTML {
        """
        <p><label for="\(name)"><strong>\(label)</strong></label>\(error(name))
        <textarea id="\(name)" name="\(name)" rows="3" maxlength="\(DailyReportDraft.maxTextLength)"\(describedBy(name))>\(value(name))</textarea></p>
        """
    }

    private func reportForm() -> HTML {
        typealias Field = DailyReportDraft.Field
        let chosen = Set(state.fields[Field.publicity] ?? [])
        let channels = PublicityChannel.allCases.map { channel -> HTML in
            let checked: HTML = chosen.contains(channel.rawValue) ? " checked" : .empty
            return
                "<label class=\"opt\"><input type=\"checkbox\" name=\"\(Field.publicity)\" value=\"\(channel.rawValue)\"\(checked)> <span>\(channel.label)</span></label>"
        }
        let editable = isEditable
        let disabled: HTML = editable ? .empty : " disabled"
        let button: HTML =
            editable ? "<p><button type=\"submit\" class=\"button primary\">Gửi báo cáo</button></p>" : .empty
        return """
            <form method="post" action="\(SiteRoute.unitReport.path)" novalidate>
            \(AdminLayout.csrfField(csrf))
            \(date == today ? .empty : "<input type=\"hidden\" name=\"date\" value=\"\(date.iso)\">" as HTML)
            <fieldset class="report"\(disabled)><legend>Số liệu tại bộ phận một cửa</legend>
            \(number(Field.visitors, "Số người đến giao dịch tại bộ phận một cửa"))
            \(number(Field.guided, "Số người được hướng dẫn trả lời phiếu"))
            \(number(Field.staffOnDuty, "Số cán bộ trực"))
            \(number(Field.volunteers, "Số tình nguyện viên (cựu chiến binh, đoàn viên)"))
            <fieldset class="q"\(describedBy(Field.publicity))><legend>Hình thức tuyên truyền đã thực hiện</legend>\(error(Field.publicity))\(channels)</fieldset>
            \(text(Field.difficulties, "Khó khăn, vướng mắc"))
            \(text(Field.proposals, "Đề xuất, kiến nghị"))
            </fieldset>
            \(button)
            </form>
            """
    }
}
