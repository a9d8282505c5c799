import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/units/{code}/desk-hours`: the province sets the hours a unit's one-stop desk is open (the off-hours flag
/// compares answers with them), one line per weekday, or returns the unit to the default. The same as
/// `qcdc units desk-hours`; the unit is looked up in the unit set in force today.
struct DeskHoursRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .unitDeskHours, roles: Access.provinceOnly) { request, user in
            try await show(request, user: user)
        }
        routes.page(.post, .unitDeskHours, roles: Access.provinceOnly) { request, user in
            try await save(request, user: user)
        }
    }

    static let unknownUnit = HTTPError(.notFound, message: "Không tìm thấy đơn vị mang mã này.")

    private func load(_ request: Request) async throws -> (UnitRecord, DeskHours?) {
        let code = request.parameters["code"] ?? ""
        let today = environment.clock.today
        return try await environment.database.read { connection in
            guard let unit = try UnitStore(connection).resolve(code: code, on: today) else { throw Self.unknownUnit }
            return (unit, try DeskHoursStore(connection).hours(unitID: unit.id))
        }
    }

    func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (unit, hours) = try await load(request)
        let notice = try request.query("da-luu") == "1" ? "Đã lưu giờ làm việc." : nil
        let lines = Dictionary(uniqueKeysWithValues: (1...7).map { ($0, Self.line(hours ?? .standard, $0)) })
        return page(request, user: user, unit: unit, custom: hours != nil, lines: lines, error: nil, notice: notice)
    }

    func save(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (unit, _) = try await load(request)
        let form = try request.form()
        let hours: DeskHours?
        if form["default"] == "1" {
            hours = nil
        } else {
            var lines: [Int: String] = [:]
            for weekday in 1...7 { lines[weekday] = form["d\(weekday)"] ?? "" }
            let text = lines.sorted { $0.key < $1.key }.compactMap { weekday, line -> String? in
                let spans = line.split(separator: ",").map { $0.replacingOccurrences(of: " ", with: "") }
                return spans.isEmpty ? nil : "\(weekday)=\(spans.joined(separator: ","))"
            }.joined(separator: ";")
            guard let parsed = DeskHours(text: text) else {
                return page(
                    request, user: user, unit: unit, custom: true, lines: lines,
                    error:
                        "Giờ làm việc chưa hợp lệ. Ghi mỗi buổi dạng 07:00-11:30, các buổi cách nhau bằng dấu phẩy; để trống ngày nghỉ (cần ít nhất một buổi trong tuần).",
                    notice: nil, status: .unprocessableContent)
            }
            hours = parsed
        }
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try DeskHoursStore(connection).set(unitID: unit.id, hours: hours)
            try AuditLog(connection).record(
                user, action: .deskHoursSet,
                detail: "\(unit.name) (\(unit.code)): \((hours ?? .standard).text)\(hours == nil ? " (mặc định)" : "")",
                at: now)
        }
        return .redirect(to: SiteRoute.unitDeskHours(unit: unit.code).href([("da-luu", "1")]))
    }

    /// "07:00-11:30, 13:30-17:00" for a weekday; empty when closed.
    static func line(_ hours: DeskHours, _ weekday: Int) -> String {
        (hours.days[weekday] ?? []).map { $0.text.replacingOccurrences(of: "–", with: "-") }.joined(separator: ", ")
    }

    private func page(
        _ request: Request, user: AuthenticatedUser, unit: UnitRecord, custom: Bool, lines: [Int: String],
        error: String?, notice: String?, status: HTTPStatus = .ok
    ) -> Response {
        let fields = (1...7).map { weekday -> HTML in
            """
            <p><label for="d\(String(weekday))"><strong>\(DeskHours.weekdayName(weekday))</strong></label>
            <input class="text" id="d\(String(weekday))" name="d\(String(weekday))" value="\(lines[weekday] ?? "")" placeholder="nghỉ"></p>
            """
        }
        let errorLine: HTML = error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? .empty
        let noticeLine: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let action = SiteRoute.unitDeskHours(unit: unit.code).path
        let body: HTML = """
            <h1>Giờ làm việc – \(unit.name)</h1>
            <p class="note">Mã \(unit.code) · \(custom ? "giờ riêng của đơn vị" : "đang dùng giờ mặc định"). Phiếu gửi ngoài các giờ này (quá 15 phút sau giờ đóng cửa) bị gắn cờ “ngoài giờ làm việc”.</p>
            \(noticeLine)\(errorLine)
            <form method="post" action="\(action)">\(AdminLayout.csrfField(request.csrfToken))
            \(fields)
            <p><button class="button primary" type="submit">Lưu giờ làm việc</button></p>
            </form>
            <form method="post" action="\(action)">\(AdminLayout.csrfField(request.csrfToken))<input type="hidden" name="default" value="1"><button class="button" type="submit">Dùng giờ mặc định (\(DeskHours.standard.text))</button></form>
            """
        return AdminPage.response(
            request, user: user, title: "Giờ làm việc – \(unit.name)", banner: environment.banner, body: body,
            status: status)
    }
}
