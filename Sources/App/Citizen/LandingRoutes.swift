import HTML
import HTTP
import Store
import Survey
import Web

/// `/q/{code}`: where every printed QR code points. It lists the campaigns open today for that unit and the
/// suggestion box, so one code on the wall serves every campaign, year after year.
struct LandingRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.open(.get, .landing) { request in try await landing(request) }
        routes.open(.get, .kioskLink) { request in try await kiosk(request) }
    }

    func landing(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        let today = environment.clock.today
        let found = try await environment.database.read {
            connection -> (UnitRecord, String?, [CampaignRecord], [String: String])? in
            let units = UnitStore(connection)
            guard let unit = try units.resolve(code: code, on: today) else { return nil }
            let parent = try unit.parentID.flatMap { try units.unit(id: $0) }
            let campaigns = try CampaignStore(connection).openCampaigns(forUnit: unit.id, on: today)
            var titles: [String: String] = [:]
            for form in try FormStore(connection).forms() { titles[form.code] = form.title }
            return (unit, parent?.level == "district" ? parent?.name : nil, campaigns, titles)
        }
        guard let (unit, districtName, campaigns, formTitles) = found else {
            throw HTTPError(
                .notFound,
                message:
                    "Không tìm thấy đơn vị có mã “\(code)”. Vui lòng quét lại mã QR hoặc hỏi cán bộ bộ phận một cửa.")
        }
        let items = campaigns.map { campaign -> HTML in
            let formTitle = formTitles[campaign.formCode] ?? campaign.formCode
            return """
                <li><a href="\(SiteRoute.answer(campaign: campaign.id, unit: unit.code).path)"><strong>\(formTitle)</strong><br><span class="note">\(campaign.title) · đến hết ngày \(campaign.schedule.endsOn.vietnamese)</span></a></li>
                """
        }
        let list: HTML =
            items.isEmpty
            ? "<p class=\"lead\">Hôm nay chưa có đợt khảo sát nào đang mở tại đơn vị này.</p>"
            : "<h2>Phiếu khảo sát đang mở</h2><ul class=\"links\">\(items)</ul>"
        let moved: HTML =
            unit.code == code
            ? .empty
            : "<p class=\"note\">Mã \(code) nay thuộc \(unit.name) (theo địa giới hành chính mới).</p>"
        let place: HTML = districtName.map { "<p class=\"place\">\($0)</p>" } ?? .empty
        let body: HTML = """
            <h1>\(unit.name)</h1>
            \(place)\(moved)
            <p>Kính mời Anh/Chị dành ít phút cho biết ý kiến về việc giải quyết công việc tại \(unit.name). Phiếu không ghi tên.</p>
            \(list)
            <h2>Hòm thư góp ý</h2>
            <ul class="links"><li><a href="\(SiteRoute.suggestionBox(unit: unit.code).path)">Gửi góp ý, kiến nghị cho \(unit.name)</a></li></ul>
            """
        return .html(Layout.page(title: unit.name, banner: environment.banner, body: body))
    }

    /// Opens kiosk mode on a desk tablet: stores the signed link in a session cookie and goes to the unit's page.
    func kiosk(_ request: Request) async throws -> Response {
        let value = try request.parameters.require("token")
        guard let token = KioskToken.decode(value, key: environment.secret),
            token.isValid(now: environment.clock.nowSeconds)
        else {
            throw HTTPError(
                .forbidden,
                message: "Liên kết máy khảo sát không hợp lệ hoặc đã hết hạn. Vui lòng xin cán bộ tạo liên kết mới.")
        }
        var response = Response.redirect(to: SiteRoute.landing(unit: token.unitCode).path)
        response.setCookie(
            try SetCookie(
                name: AnswerRoutes.kioskCookie, value: value, path: "/",
                httpOnly: true, secure: environment.publicURL.hasPrefix("https://"),
                sameSite: .lax))
        return response
    }
}
