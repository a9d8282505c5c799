import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/units/{code}/rounds`: a unit's suggestion rounds (up to four, Đợt 1–4, by day and month, the same
/// every year) and whether its box takes suggestions between them. The unit itself, its district and the province
/// set them (`UnitScope`; another unit 403). No rounds: the box is open all year and files by quarter, as before.
struct SuggestionRoundRoutes: Sendable {
    let environment: AppEnvironment

    static let maxRounds = 4

    static func path(_ unitCode: String) -> String { SiteRoute.suggestionRounds(unit: unitCode).path }

    func install(on routes: inout RouteTable) {
        routes.page(.get, .suggestionRounds, roles: Access.anyRole) { request, user in
            try await show(request, user: user)
        }
        routes.page(.post, .suggestionRounds, roles: Access.anyRole) { request, user in
            try await save(request, user: user)
        }
    }

    /// The unit in the path, if it is in the user's scope (404 unknown, 403 outside).
    private func unit(_ request: Request, user: AuthenticatedUser) async throws -> UnitRecord {
        let code = request.parameters["code"] ?? ""
        let today = environment.clock.today
        return try await environment.database.read { connection in
            guard let unit = try UnitStore(connection).resolve(code: code, on: today), unit.level != "province"
            else { throw HTTPError(.notFound, message: "Không tìm thấy đơn vị mang mã này.") }
            guard try UnitScope(user: user, connection: connection).contains(unitID: unit.id) else {
                throw HTTPError(.forbidden, message: "Đơn vị \(unit.name) nằm ngoài phạm vi quản lý của tài khoản.")
            }
            return unit
        }
    }

    func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let unit = try await unit(request, user: user)
        let rounds = try await environment.database.read {
            try SuggestionRoundStore($0).rounds(unitCode: unit.code)
        }
        var values: [String: String] = [:]
        for round in rounds.rounds {
            values["start\(round.number)"] = round.starts.shown
            values["end\(round.number)"] = round.ends.shown
        }
        let notice = try request.query("da-luu") == "1" ? "Đã lưu các đợt nhận góp ý." : nil
        return page(
            request, user: user, unit: unit, values: values, acceptsBetween: rounds.acceptsBetween,
            status: rounds.status(on: environment.clock.today), errors: [:], notice: notice)
    }

    func save(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let unit = try await unit(request, user: user)
        let form = try request.form()
        var values: [String: String] = [:]
        var errors: [Int: String] = [:]
        var rounds: [SuggestionRounds.Round] = []
        for number in 1...Self.maxRounds {
            let start = SearchText.clean(form["start\(number)"] ?? "")
            let end = SearchText.clean(form["end\(number)"] ?? "")
            values["start\(number)"] = start
            values["end\(number)"] = end
            if start.isEmpty && end.isEmpty { continue }
            guard let starts = MonthDay(text: start), let ends = MonthDay(text: end) else {
                errors[number] =
                    "Ghi ngày bắt đầu và ngày kết thúc dạng NN/TT (ví dụ 22/01), ngày có trong mọi năm (không dùng 29/02)."
                continue
            }
            rounds.append(SuggestionRounds.Round(number: number, starts: starts, ends: ends))
        }
        errors.merge(SuggestionRounds.problems(rounds)) { first, _ in first }
        let acceptsBetween = form["between"] == "1"
        let result = SuggestionRounds(rounds: rounds, acceptsBetween: acceptsBetween)
        guard errors.isEmpty else {
            return page(
                request, user: user, unit: unit, values: values, acceptsBetween: acceptsBetween,
                status: nil, errors: errors, notice: nil, httpStatus: .unprocessableContent)
        }
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try SuggestionRoundStore(connection).save(unitCode: unit.code, result)
            let summary =
                result.rounds.isEmpty
                ? "không chia đợt (nhận góp ý cả năm)"
                : result.rounds.map { "Đợt \($0.number) \($0.starts.shown)–\($0.ends.shown)" }.joined(separator: ", ")
                    + (acceptsBetween ? "; nhận góp ý giữa các đợt" : "; không nhận góp ý giữa các đợt")
            try AuditLog(connection).record(
                user, action: .suggestionRoundsSet, detail: "\(unit.name) (\(unit.code)): \(summary)", at: now)
        }
        return .redirect(to: SiteRoute.suggestionRounds(unit: unit.code).href([("da-luu", "1")]))
    }

    func page(
        _ request: Request, user: AuthenticatedUser, unit: UnitRecord, values: [String: String],
        acceptsBetween: Bool, status: SuggestionRounds.Status?, errors: [Int: String], notice: String?,
        httpStatus: HTTPStatus = .ok
    ) -> Response {
        let rows = (1...Self.maxRounds).map { number -> HTML in
            let error: HTML = errors[number].map { "<p class=\"error\">\($0)</p>" } ?? .empty
            return """
                <fieldset class="q"><legend>Đợt \(number)</legend>\(error)
                <label for="start\(number)">Từ ngày (NN/TT)</label>
                <input class="text" id="start\(number)" type="text" name="start\(number)" inputmode="numeric" maxlength="5" placeholder="22/01" value="\(values["start\(number)"] ?? "")">
                <label for="end\(number)">Đến hết ngày (NN/TT)</label>
                <input class="text" id="end\(number)" type="text" name="end\(number)" inputmode="numeric" maxlength="5" placeholder="25/03" value="\(values["end\(number)"] ?? "")">
                </fieldset>
                """
        }
        let noticeLine: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let summary: HTML =
            errors.isEmpty ? .empty : "<p class=\"error\" role=\"alert\">Chưa lưu: xem thông báo ở từng đợt.</p>"
        let today: HTML =
            status.map { status -> HTML in
                switch status {
                case .allYear: "<p>Hiện hòm thư nhận góp ý cả năm (chưa chia đợt).</p>"
                default: SuggestionRoutes.roundLine(status)
                }
            } ?? .empty
        let checked: HTML = acceptsBetween ? " checked" : .empty
        let body: HTML = """
            <h1>Các đợt nhận góp ý – \(unit.name)</h1>
            \(noticeLine)\(summary)\(today)
            <p>Mỗi đợt có ngày bắt đầu và ngày kết thúc, lặp lại hằng năm (ví dụ Đợt 1 từ 22/01 đến 25/03). Để trống cả bốn đợt: hòm thư nhận góp ý cả năm, xếp theo quý như trước.</p>
            <form class="stack" method="post" action="\(SiteRoute.suggestionRounds(unit: unit.code).path)" novalidate>
            \(AdminLayout.csrfField(request.csrfToken))
            \(rows)
            <label class="opt"><input type="checkbox" name="between" value="1"\(checked)> Vẫn nhận góp ý giữa hai đợt (xử lý trong đợt kế tiếp)</label>
            <p><button type="submit" class="button primary">Lưu</button> <a href="\(SiteRoute.suggestionBox(unit: unit.code).path)">Xem hòm thư góp ý</a></p>
            </form>
            """
        return AdminPage.response(
            request, user: user, title: "Các đợt nhận góp ý – \(unit.name)", banner: environment.banner, body: body,
            status: httpStatus)
    }
}
