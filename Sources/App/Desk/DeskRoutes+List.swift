import HTML
import HTTP
import Store
import Survey
import Web

/// `GET /admin/suggestions`: a unit's suggestions of a round with filters and a search box; for district and
/// province accounts without a chosen unit, the units of the scope that received suggestions in the round.
extension DeskRoutes {
    func list(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        var filter = try DeskFilter(request, today: environment.clock.today)
        if user.role == .commune, filter.unitCode == nil { filter.unitCode = user.unitCode }
        let chosenCode = filter.unitCode
        let query = filter
        let (units, chosen, rows, counts) = try await environment.database.read { connection in
            let desk = DeskQueries(connection)
            let units = try desk.units(in: try UnitScope(user: user, connection: connection))
            guard let chosenCode else {
                return (
                    units, UnitRecord?.none, [DeskSuggestion](),
                    try desk.counts(units: units, year: query.year, round: query.round)
                )
            }
            guard let unit = units.first(where: { $0.code == chosenCode }) else {
                let setID = try UnitStore(connection).unit(id: user.unitID)?.unitSetID
                if let setID, try UnitStore(connection).unit(code: chosenCode, inSet: setID) != nil {
                    throw HTTPError(
                        .forbidden, message: "Đơn vị mã “\(chosenCode)” ngoài phạm vi quản lý của tài khoản.")
                }
                throw HTTPError(.notFound, message: "Không có đơn vị mã “\(chosenCode)”.")
            }
            return (
                units, unit,
                try desk.suggestions(
                    unitID: unit.id, year: query.year, round: query.round,
                    status: query.status, search: query.search), [DeskUnitCount]()
            )
        }
        let unitOptions = units.map { unit -> HTML in
            let selected: HTML = unit.code == chosen?.code ? " selected" : .empty
            return "<option value=\"\(unit.code)\"\(selected)>\(unit.name) (\(unit.code))</option>"
        }
        let unitField: HTML =
            user.role == .commune
            ? "<input type=\"hidden\" name=\"unit\" value=\"\(user.unitCode)\">"
            : "<label>Đơn vị<select name=\"unit\"><option value=\"\">Tất cả trong phạm vi</option>\(unitOptions)</select></label>"
        let roundOptions = (1...4).map { number -> HTML in
            "<option value=\"\(number)\"\(number == filter.round ? HTML(" selected") : .empty)>Đợt \(number)</option>"
        }
        let statusOptions = SuggestionStatus.allCases.map { status -> HTML in
            "<option value=\"\(status.rawValue)\"\(status == filter.status ? HTML(" selected") : .empty)>\(status.label)</option>"
        }
        let roundsLink: HTML =
            "<a href=\"\(SiteRoute.suggestionRounds(unit: user.unitCode).path)\">Các đợt nhận góp ý của đơn vị</a>"
        let weeklyLink: HTML =
            user.role == .commune
            ? "<p class=\"noprint\"><a href=\"\(SiteRoute.weeklySuggestions.path)\">Tổng hợp góp ý theo tuần (để in)</a> · \(roundsLink)</p>"
            : "<p class=\"noprint\"><a href=\"\(SiteRoute.weeklySuggestions.path)\">Tổng hợp góp ý theo tuần (để in)</a>\(user.role == .district ? HTML(" · ") + roundsLink : HTML.empty)</p>"
        let form: HTML = """
            <form class="filters noprint" method="get" action="\(SiteRoute.suggestions.path)">
            \(unitField)
            <label>Năm<input type="number" name="year" min="2000" max="9999" value="\(filter.year)"></label>
            <label>Đợt<select name="round">\(roundOptions)</select></label>
            <label>Trạng thái<select name="status"><option value="">Tất cả</option>\(statusOptions)</select></label>
            <label>Tìm trong nội dung<input type="search" name="q" maxlength="\(DeskQueries.maxSearchLength)" value="\(filter.search ?? "")"></label>
            <button type="submit" class="button">Xem</button>
            </form>
            """
        let content: HTML =
            if let chosen {
                suggestionTable(rows, unit: chosen, filter: filter)
            } else {
                overviewTable(counts, filter: filter)
            }
        let title = chosen.map { "Góp ý – \($0.name)" } ?? "Hòm thư góp ý trong phạm vi quản lý"
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="lead">Đợt \(filter.round) năm \(filter.year)</p>
            \(weeklyLink)
            \(form)
            \(content)
            """
        return page(request, user: user, title: title, body: body)
    }

    private func suggestionTable(_ rows: [DeskSuggestion], unit: UnitRecord, filter: DeskFilter) -> HTML {
        guard !rows.isEmpty else {
            return filter.search == nil && filter.status == nil
                ? "<p>\(unit.name) chưa nhận góp ý nào trong đợt này.</p>"
                : "<p>Không có góp ý nào phù hợp.</p>"
        }
        let lines = rows.map { row -> HTML in
            let item = row.item
            let excerpt = item.text.count > 140 ? String(item.text.prefix(140)) + "…" : item.text
            return """
                <tr><td data-label="Ngày gửi">\(VietnamTime.localDate(at: item.createdAt).vietnamese)</td><td data-label="Chủ đề">\(item.topic ?? "—")</td><td data-label="Nội dung"><a href="\(SiteRoute.suggestion(id: item.id).path)">\(excerpt)</a></td><td data-label="Phân loại">\(SuggestionCategory.label(row.category) ?? "—")</td><td data-label="Trạng thái"><span class="tag">\(item.status.label)</span></td><td data-label="Trả lời">\(item.reply == nil ? "Chưa" : "Đã trả lời")</td></tr>
                """
        }
        return """
            <p>\(rows.count) góp ý.</p>
            <table class="cards">
            <thead><tr><th>Ngày gửi</th><th>Chủ đề</th><th>Nội dung</th><th>Phân loại</th><th>Trạng thái</th><th>Trả lời</th></tr></thead>
            <tbody>\(lines)</tbody>
            </table>
            """
    }

    private func overviewTable(_ counts: [DeskUnitCount], filter: DeskFilter) -> HTML {
        guard !counts.isEmpty else { return "<p>Chưa đơn vị nào trong phạm vi nhận góp ý trong đợt này.</p>" }
        let lines = counts.map { count -> HTML in
            """
            <tr><td><a href="\(filter.link(unitCode: count.unit.code))">\(count.unit.name)</a> <span class="note">(\(count.unit.code))</span></td><td class="num">\(count.new)</td><td class="num">\(count.inProgress)</td><td class="num">\(count.resolved)</td></tr>
            """
        }
        return """
            <p>Các đơn vị đã nhận góp ý trong đợt; chọn một đơn vị để xem, trả lời và xử lý.</p>
            <div class="scroll"><table class="summary">
            <thead><tr><th>Đơn vị</th><th class="num">Mới</th><th class="num">Đang xử lý</th><th class="num">Đã giải quyết</th></tr></thead>
            <tbody>\(lines)</tbody>
            </table></div>
            """
    }
}
