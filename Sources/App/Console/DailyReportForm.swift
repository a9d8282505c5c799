import HTML
import Store
import Survey

/// The daily report form, usable at 360 px: big number fields, checkboxes for publicity, the window spelled out,
/// and outside the window the time now and how long until it opens; the late-entry openings in force, each with its
/// end. `date` is today, or a past day opened for late entry.
struct DailyReportForm {
    let context: ConsoleContext
    let now: Int64
    let date: LocalDate
    /// `ReportingCampaign.countsOfficials`: the headcount form instead of the daily report.
    let countsOfficials: Bool
    /// The unit's late-entry openings in force now, one per date.
    let openings: [LateEntryOpening]
    let csrf: String?
    let state: State
    let headcount: Int?
    let saved: String?
    let late: Bool

    struct State {
        var fields: [String: [String]] = [:]
        var errors: [String: String] = [:]
        var message: String?

        init(fields: [String: [String]] = [:], errors: [String: String] = [:], message: String? = nil) {
            self.fields = fields
            self.errors = errors
            self.message = message
        }

        /// The day's report already filed: the form starts from it, so a correction changes only what is wrong.
        init(report: DailyReport, today: LocalDate) {
            typealias Field = DailyReportDraft.Field
            fields = [
                Field.visitors: [String(report.visitors)], Field.guided: [String(report.guided)],
                Field.staffOnDuty: [String(report.staffOnDuty)], Field.volunteers: [String(report.volunteers)],
                Field.publicity: report.publicity.map(\.rawValue), Field.difficulties: [report.difficulties],
                Field.proposals: [report.proposals],
            ]
            message =
                report.date == today
                ? "Đơn vị đã gửi báo cáo hôm nay (lần \(report.version)). Có thể sửa và gửi lại trong khung giờ."
                : "Đơn vị đã gửi báo cáo ngày \(report.date.vietnamese) (lần \(report.version)). "
                    + "Có thể sửa và gửi lại trong thời hạn nhập muộn."
        }
    }

    func render() -> HTML {
        let campaign = context.campaign
        let window = campaign.window
        let today = VietnamTime.localDate(at: now)
        let opening = openings.first { $0.date == date }
        var notices: [HTML] = []
        if let saved {
            let mark = late ? ", đánh dấu báo cáo muộn" : ""
            notices.append("<p class=\"ok\" role=\"status\">Đã lưu báo cáo (lần \(saved))\(mark).</p>")
        }
        if let message = state.message { notices.append("<p class=\"summary\" role=\"alert\">\(message)</p>") }
        let clock = VietnamTime.clockText(at: now)
        let windowNote: HTML =
            switch window.position(at: now) {
            case .inside(let seconds):
                "<p class=\"ok\">Đang trong khung giờ báo cáo \(window.text). Bây giờ là \(clock); còn \(DurationText.vietnamese(seconds: seconds)).</p>"
            case .before(let seconds), .after(let seconds):
                "<p class=\"warn\">Chỉ nhận báo cáo từ \(window.text) hằng ngày. Bây giờ là \(clock) ngày \(today.vietnamese); còn \(DurationText.vietnamese(seconds: seconds)) nữa đến giờ báo cáo.</p>"
            }
        let action = SiteRoute.dailyReport(campaign: campaign.id).path
        let body: HTML =
            if countsOfficials {
                headcountForm(action: action)
            } else if date == today || opening != nil {
                reportForm(action: action, today: today)
            } else {
                "<p class=\"warn\">\(ReportSubmissionError.notToday(date, today: today).message)</p>"
            }
        return """
            <h1>Báo cáo ngày \(date.vietnamese)</h1>
            <p class="place">\(context.user.unitName) · \(campaign.title)</p>
            \(date == today ? windowNote : .empty)
            \(countsOfficials ? .empty : lateEntries(opening: opening, action: action, today: today))
            \(notices)
            \(body)
            <p><a href="\(SiteRoute.dashboard(campaign: campaign.id).path)">Về trang tổng hợp của đợt</a></p>
            """
    }

    /// The opening for the day shown, and links to the other days open for late entry.
    private func lateEntries(opening: LateEntryOpening?, action: String, today: LocalDate) -> HTML {
        let current: HTML =
            opening.map { opening -> HTML in
                "<p class=\"ok\">Ngày \(date.vietnamese) được nhập muộn đến \(opening.untilText).</p>"
            } ?? .empty
        let others = openings.filter { $0.date != date }.map { other -> HTML in
            let link = SiteRoute.dailyReport(campaign: context.campaign.id).href([
                ("date", other.date == today ? nil : other.date.iso)
            ])
            let day = other.date.vietnamese
            return "<li><a href=\"\(link)\">Báo cáo ngày \(day)</a>: được nhập muộn đến \(other.untilText)</li>"
        }
        guard !others.isEmpty else { return current }
        return "\(current)<p>Các ngày được mở nhập muộn:</p><ul>\(others)</ul>"
    }

    private func value(_ name: String) -> String { state.fields[name]?.first ?? "" }

    private func error(_ name: String) -> HTML {
        state.errors[name].map { "<p class=\"error\" id=\"e-\(name)\">\($0)</p>" } ?? .empty
    }

    private func number(_ name: String, _ label: String) -> HTML {
        """
        <p><label for="\(name)"><strong>\(label)</strong></label>\(error(name))
        <input class="text" id="\(name)" type="number" inputmode="numeric" min="0" max="\(DailyReportDraft.maxCount)" name="\(name)" value="\(value(name))" required></p>
        """
    }

    private func reportForm(action: String, today: LocalDate) -> HTML {
        typealias Field = DailyReportDraft.Field
        let chosen = Set(state.fields[Field.publicity] ?? [])
        let channels = PublicityChannel.allCases.map { channel -> HTML in
            let checked: HTML = chosen.contains(channel.rawValue) ? " checked" : .empty
            return
                "<label class=\"opt\"><input type=\"checkbox\" name=\"\(Field.publicity)\" value=\"\(channel.rawValue)\"\(checked)> <span>\(channel.label)</span></label>"
        }
        return """
            <form method="post" action="\(action)" novalidate>
            \(AdminLayout.csrfField(csrf))
            \(date == today ? .empty : "<input type=\"hidden\" name=\"date\" value=\"\(date.iso)\">" as HTML)
            \(number(Field.visitors, "Số người đến giao dịch tại bộ phận một cửa"))
            \(number(Field.guided, "Số người được hướng dẫn trả lời phiếu"))
            \(number(Field.staffOnDuty, "Số cán bộ trực"))
            \(number(Field.volunteers, "Số tình nguyện viên (cựu chiến binh, đoàn viên)"))
            <fieldset class="q"><legend>Hình thức tuyên truyền đã thực hiện</legend>\(error(Field.publicity))\(channels)</fieldset>
            <p><label for="\(Field.difficulties)"><strong>Khó khăn, vướng mắc</strong></label>\(error(Field.difficulties))
            <textarea id="\(Field.difficulties)" name="\(Field.difficulties)" rows="3" maxlength="\(DailyReportDraft.maxTextLength)">\(value(Field.difficulties))</textarea></p>
            <p><label for="\(Field.proposals)"><strong>Đề xuất, kiến nghị</strong></label>\(error(Field.proposals))
            <textarea id="\(Field.proposals)" name="\(Field.proposals)" rows="3" maxlength="\(DailyReportDraft.maxTextLength)">\(value(Field.proposals))</textarea></p>
            <p><button type="submit" class="button primary">Gửi báo cáo</button></p>
            </form>
            """
    }

    private func headcountForm(action: String) -> HTML {
        if let headcount {
            return
                "<p class=\"ok\">Đã nhập số cán bộ, công chức của cơ quan: <strong>\(headcount)</strong>. Cần sửa, vui lòng liên hệ huyện.</p>"
        }
        return """
            <form method="post" action="\(action)" novalidate>
            \(AdminLayout.csrfField(csrf))
            \(number("headcount", "Số cán bộ, công chức, người lao động của các cơ quan cấp xã (nhập một lần cho cả đợt)"))
            <p><button type="submit" class="button primary">Lưu</button></p>
            </form>
            """
    }
}
