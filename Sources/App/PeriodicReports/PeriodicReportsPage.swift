import HTML
import Store
import Survey

/// The periodic reports of a year: the user's own unit's two reports (status against the due day, figures,
/// document, and the filing form for a commune or district), then for a district or the province the units below
/// with who has not filed each period, those overdue marked. Cards at 360 px, no JavaScript.
struct PeriodicReportsPage {
    struct Content: Sendable {
        let own: UnitRecord
        let below: [UnitRecord]
        let fields: [PeriodicReportField]
        let reports: [Int64: [ReportPeriod: PeriodicReport]]
    }

    let user: AuthenticatedUser
    let year: Int
    let today: LocalDate
    let content: Content
    let csrf: String?
    let saved: Bool

    func render() -> HTML {
        let notice: HTML = saved ? "<p class=\"ok\" role=\"status\">Đã nộp báo cáo.</p>" : .empty
        let previous = SiteRoute.periodicReports.href([("year", String(year - 1))])
        return """
            <h1>Báo cáo 6 tháng và báo cáo năm \(String(year))</h1>
            <p><a href="\(previous)">Năm \(String(year - 1))</a></p>
            \(notice)
            \(user.role == .province ? .empty : ownSection())
            \(content.below.isEmpty ? .empty : belowSection())
            """
    }

    /// Where a unit's report of a period stands; the raw values are the API's.
    enum State: String, Sendable {
        case filed = "da_nop"
        case filedLate = "nop_muon"
        case overdue = "qua_han"
        case pending = "chua_nop"
    }

    static func state(_ report: PeriodicReport?, _ period: ReportPeriod, year: Int, today: LocalDate) -> State {
        if let report { return report.isLate ? .filedLate : .filed }
        if let due = period.due(year: year), today > due { return .overdue }
        return .pending
    }

    private func status(_ report: PeriodicReport?, _ period: ReportPeriod) -> (label: String, style: String) {
        switch Self.state(report, period, year: year, today: today) {
        case .filed: ("Đã nộp", "ok")
        case .filedLate: ("Nộp muộn", "warn")
        case .overdue: ("Quá hạn, chưa nộp", "bad")
        case .pending: ("Chưa nộp", "note")
        }
    }

    private func documentLink(_ report: PeriodicReport) -> HTML {
        "<a href=\"\(SiteRoute.periodicReportDocument(report: report.id).path)\" download>\(report.fileName)</a>"
    }

    private func ownSection() -> HTML {
        let reports = content.reports[content.own.id] ?? [:]
        let periods = ReportPeriod.allCases.map { period -> HTML in
            let report = reports[period]
            let (label, style) = status(report, period)
            let due = period.due(year: year)?.vietnamese ?? ""
            let details: HTML =
                report.map { report in
                    let figures = content.fields.map { field -> HTML in
                        "<dt>\(field.title)</dt><dd>\(report.values[field.code].map { Format.count($0) } ?? "–")</dd>"
                    }
                    return """
                        <p>Nộp lúc \(DeskRoutes.dateTime(report.filedAt)): \(documentLink(report))</p><dl>\(figures)</dl>
                        """
                } ?? .empty
            return """
                <h3>\(period.label) (hạn \(due))</h3>
                <p class="\(style)"><strong>\(label)</strong></p>
                \(details)
                """
        }
        let above = user.role == .commune ? "huyện" : "tỉnh"
        return """
            <section id="cua-don-vi"><h2>Báo cáo của \(content.own.name) gửi \(above)</h2>
            \(periods)
            \(fileForm())
            </section>
            """
    }

    private func fileForm() -> HTML {
        let options = ReportPeriod.allCases.map { "<option value=\"\($0.rawValue)\">\($0.label)</option>" as HTML }
        let figures = content.fields.map { field -> HTML in
            """
            <p><label for="f-\(field.code)">\(field.title)</label>
            <input class="text" id="f-\(field.code)" name="\(field.code)" type="number" inputmode="numeric" min="0" required></p>
            """
        }
        let path = SiteRoute.periodicReports.href([("year", String(year))])
        return """
            <form method="post" action="\(path)" enctype="multipart/form-data" class="upload periodic">
            \(AdminLayout.csrfField(csrf))
            <h3>Nộp báo cáo</h3>
            <p><label for="period">Kỳ báo cáo</label> <select id="period" name="period" required>\(options)</select></p>
            \(figures)
            <p><label for="file">Văn bản báo cáo (PDF, Word .docx, ảnh JPEG hoặc PNG)</label>
            <input id="file" name="file" type="file" required accept=".pdf,.docx,.jpg,.jpeg,.png"></p>
            <p><button type="submit" class="button primary">Nộp báo cáo</button></p>
            <p class="note">Nộp lại cùng kỳ sẽ thay báo cáo đã nộp trước đó.</p>
            </form>
            """
    }

    private func belowSection() -> HTML {
        let kind = user.role == .province ? "huyện" : "xã"
        let missing = ReportPeriod.allCases.map { period -> HTML in
            let names = content.below.filter { content.reports[$0.id]?[period] == nil }.map(\.name)
            let overdue = period.due(year: year).map { today > $0 } ?? false
            let list: HTML =
                names.isEmpty
                ? "tất cả đã nộp."
                : "\(Format.count(names.count)) \(kind) chưa nộp\(overdue ? " (đã quá hạn)" : ""): \(names.joined(separator: ", "))."
            return "<li class=\"\(overdue && !names.isEmpty ? "bad" : "")\">\(period.label): \(list)</li>"
        }
        let rows = content.below.map { unit -> HTML in
            let cells = ReportPeriod.allCases.map { period -> HTML in
                let report = content.reports[unit.id]?[period]
                let (label, style) = status(report, period)
                let link: HTML = report.map { " – \(documentLink($0))" } ?? .empty
                return "<td data-label=\"\(period.label)\" class=\"\(style)\">\(label)\(link)</td>"
            }
            return "<tr><td data-label=\"Đơn vị\">\(unit.name)</td>\(cells)</tr>"
        }
        let heads = ReportPeriod.allCases.map { "<th>\($0.label)</th>" as HTML }
        return """
            <section id="cap-duoi"><h2>Các \(kind) nộp báo cáo</h2>
            <ul class="missing">\(missing)</ul>
            <table class="cards periodic-reports"><thead><tr><th>Đơn vị</th>\(heads)</tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
    }
}
