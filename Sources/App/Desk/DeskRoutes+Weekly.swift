import HTML
import HTTP
import Store
import Survey
import Web

/// `GET /admin/suggestions/weekly?week=YYYY-MM-DD[&district=CODE]`: per commune and district desk, the suggestions
/// received, answered, resolved, still waiting and overdue (no reply after `SuggestionWeek.answerWithinDays`) in the
/// week (Monday to Sunday) that contains the given day, and the week's suggestions by the desk's classification. A commune sees
/// its own box (reached from its today page), a district its own desk and its communes; the province all of them or
/// one district's. Prints on A4 (`/admin/desk.css`); `&format=csv` or `&format=xlsx` gives the same table as a file
/// (the project's `TableExport`, recorded in the audit log like every export).
extension DeskRoutes {
    func weekly(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let week = try await WeeklySuggestions.load(request, user: user, environment: environment)
        let (weekStart, weekEnd, districtCode, placeName, rows, topics) = (
            week.weekStart, week.weekEnd, week.districtCode, week.placeName, week.rows, week.topics
        )
        if let format = try request.query("format"), !format.isEmpty {
            return try await export(
                rows, format: format, user: user, place: placeName, districtCode: districtCode, weekStart: weekStart)
        }
        let lines = rows.map { row -> HTML in
            """
            <tr><td>\(row.code)</td><td>\(row.name)</td><td class="num">\(Format.count(row.received))</td><td class="num">\(Format.count(row.answered))</td><td class="num">\(Format.count(row.resolved))</td><td class="num">\(Format.count(row.waiting))</td><td class="num">\(row.overdue > 0 ? "<strong>\(Format.count(row.overdue))</strong>" : HTML("0"))</td></tr>
            """
        }
        func total(_ figure: KeyPath<SuggestionWeek, Int>) -> String {
            Format.count(rows.reduce(0) { $0 + $1[keyPath: figure] })
        }
        let topicLines = topics.map { topic -> HTML in
            "<tr><td>\(topic.label)</td><td class=\"num\">\(Format.count(topic.received))</td></tr>"
        }
        let topicTable: HTML =
            topics.isEmpty
            ? "<p class=\"note\">Không có góp ý nào trong tuần.</p>"
            : """
            <table class="summary"><thead><tr><th>Lĩnh vực (do bộ phận tiếp nhận phân loại)</th><th class="num">Nhận trong tuần</th></tr></thead><tbody>\(topicLines)</tbody></table>
            """
        func link(_ start: LocalDate) -> String {
            var target = SiteRoute.weeklySuggestions.path + "?week=" + start.iso
            if let districtCode { target += "&district=" + PercentEncoding.encode(districtCode) }
            return target
        }
        let title = "Tổng hợp góp ý tuần \(weekStart.vietnamese) – \(weekEnd.vietnamese)"
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="lead">\(placeName)</p>
            <form class="filters noprint" method="get" action="\(SiteRoute.weeklySuggestions.path)">
            <label>Tuần có ngày<input type="date" name="week" value="\(weekStart.iso)"></label>
            \(districtCode.map { "<input type=\"hidden\" name=\"district\" value=\"\($0)\">" } ?? HTML.empty)
            <button type="submit" class="button">Xem</button>
            </form>
            <nav class="pager noprint"><a href="\(link(weekStart.adding(days: -7)))">← Tuần trước</a><a href="\(link(weekStart.adding(days: 7)))">Tuần sau →</a></nav>
            <p class="noprint note">In bảng: dùng lệnh In của trình duyệt (Ctrl+P), khổ A4. Tải về: <a href="\(link(weekStart))&amp;format=xlsx">Excel (.xlsx)</a> · <a href="\(link(weekStart))&amp;format=csv">CSV</a></p>
            <div class="scroll"><table class="summary">
            <thead><tr><th>Mã</th><th>Đơn vị</th><th class="num">Nhận trong tuần</th><th class="num">Đã trả lời trong tuần</th><th class="num">Đã giải quyết trong tuần</th><th class="num">Còn chờ cuối tuần</th><th class="num">Quá hạn (chưa trả lời sau \(SuggestionWeek.answerWithinDays) ngày)</th></tr></thead>
            <tbody>\(lines)</tbody>
            <tfoot><tr><td></td><td>Cộng</td><td class="num">\(total(\.received))</td><td class="num">\(total(\.answered))</td><td class="num">\(total(\.resolved))</td><td class="num">\(total(\.waiting))</td><td class="num">\(total(\.overdue))</td></tr></tfoot>
            </table></div>
            <h2>Theo lĩnh vực</h2>
            \(topicTable)
            <p class="print-only note">In lúc \(Self.dateTime(environment.clock.nowSeconds)) từ hệ thống khảo sát.</p>
            """
        return page(request, user: user, title: title, body: body)
    }

    /// The week's table as a CSV or XLSX file named for the week and the place.
    func export(
        _ rows: [SuggestionWeek], format: String, user: AuthenticatedUser, place: String, districtCode: String?,
        weekStart: LocalDate
    ) async throws -> Response {
        guard format == "csv" || format == "xlsx" else {
            throw HTTPError(.badRequest, message: "Định dạng “\(format)” không có; dùng csv hoặc xlsx.")
        }
        let table = TableExport(
            sheetName: "Góp ý tuần \(weekStart.iso)",
            header: [
                "Mã", "Đơn vị", "Nhận trong tuần", "Đã trả lời trong tuần", "Đã giải quyết trong tuần",
                "Còn chờ cuối tuần", "Quá hạn",
            ],
            rows: rows.map { row in
                [
                    .text(row.code), .text(row.name), .integer(row.received), .integer(row.answered),
                    .integer(row.resolved), .integer(row.waiting), .integer(row.overdue),
                ]
            },
            columnWidths: [10, 36, 16, 20, 24, 18, 10])
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try AuditLog(connection).record(
                user, action: .export, detail: "Tổng hợp góp ý tuần \(weekStart.vietnamese), \(place)", at: now)
        }
        let scope: ExportFileName.Scope =
            switch user.role {
            case .commune: .commune(code: user.unitCode)
            case .district: .district(code: user.unitCode, name: user.unitName)
            case .province: districtCode.map { .district(code: $0, name: place) } ?? .province
            }
        let name = ExportFileName(
            formCode: "", campaignTitle: "Góp ý tuần \(weekStart.iso)", campaignID: 0, scope: scope,
            date: weekStart, fileExtension: format)
        let body = format == "csv" ? table.csv() : try table.xlsx()
        return Response.bytes(body, contentType: format == "csv" ? TableExport.csvMediaType : TableExport.xlsxMediaType)
            .settingHeader("Content-Disposition", name.contentDisposition)
            .settingHeader("Cache-Control", "no-store")
    }
}
