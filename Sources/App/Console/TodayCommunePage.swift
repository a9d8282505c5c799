import HTML
import Store
import Survey

/// A commune's today: whether its one report is filed and on time (with the way to file or correct it), the open
/// campaigns that count it, the window, and the past days the district opened for late entry.
struct TodayCommunePage {
    let board: TodayBoard
    let user: AuthenticatedUser
    let openings: [LateEntryOpening]
    /// The replies of those above to the unit's reports of the last `replyDays` days, newest day first.
    var replies: [(date: LocalDate, reply: ReportReply)] = []

    static let replyDays = 7

    func render() -> HTML {
        let content: HTML =
            board.rows.first.map { row in
                """
                \(status(row))
                \(TodaySections.window(board))
                \(TodaySections.campaigns(row.campaigns))
                """
            } ?? TodaySections.nothingOpen
        return """
            \(TodaySections.heading(board))
            <p class="lead">\(user.unitName)</p>
            \(content)
            \(lateDays())
            \(repliesSection())
            <p><a href="\(SiteRoute.communeYear(year: board.date.year, unit: user.unitCode).path)">Kết quả cả năm \(String(board.date.year)) của xã</a> · <a href="\(SiteRoute.weeklySuggestions.path)">Tổng hợp góp ý tuần này</a></p>
            \(TodaySections.menu(user))
            """
    }

    private func status(_ row: TodayBoard.Row) -> HTML {
        let report = SiteRoute.unitReport.path
        let style = TodaySections.statusClass(row.status)
        if let filing = row.filing {
            return """
                <p class="\(style) today-status"><strong>\(row.status.label)</strong>: nộp lúc \(filing.timeText), lần \(Format.count(filing.version)).</p>
                <p><a class="button" href="\(report)">Xem hoặc sửa báo cáo</a></p>
                """
        }
        let advice: HTML =
            switch row.window?.position(at: board.now) {
            case .before?: "Báo cáo mở trong khung giờ dưới đây."
            case .inside?: "Đang trong khung giờ: hãy nộp báo cáo ngay."
            default: "Đã hết khung giờ; nếu cần nộp, đề nghị huyện mở nhập muộn."
            }
        return """
            <p class="\(style) today-status"><strong>\(row.status.label)</strong>. \(advice)</p>
            <p><a class="button" href="\(report)">Nộp báo cáo ngày</a></p>
            """
    }

    /// Days the district opened for late entry (today's own opening included), each with its end.
    private func lateDays() -> HTML {
        guard !openings.isEmpty else {
            return "<h2>Ngày được nhập muộn</h2><p>Không có ngày nào đang được mở nhập muộn.</p>"
        }
        let items = openings.map { opening -> HTML in
            let link = SiteRoute.unitReport.href([("date", opening.date == board.date ? nil : opening.date.iso)])
            return
                "<li><a href=\"\(link)\">Báo cáo ngày \(opening.date.vietnamese)</a> <span class=\"note\">hạn đến \(opening.untilText)</span></li>"
        }
        return "<h2>Ngày được nhập muộn</h2><ul class=\"links\">\(items)</ul>"
    }

    /// Answers to the unit's recent reports, each linking to the report it answers.
    private func repliesSection() -> HTML {
        guard !replies.isEmpty else { return .empty }
        let items = replies.map { entry -> HTML in
            let path = SiteRoute.communeReport(unit: user.unitCode, date: entry.date.iso).path + "#phan-hoi"
            return """
                <div class="report-reply"><p class="quiet"><a href="\(path)">Báo cáo ngày \(entry.date.vietnamese)</a>: \(entry.reply.unitName), \(DeskRoutes.dateTime(entry.reply.repliedAt))</p><p>\(entry.reply.body)</p></div>
                """
        }
        return "<section id=\"phan-hoi\"><h2>Phản hồi của cấp trên</h2>\(items)</section>"
    }
}
