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
        let mark = AnswerRoutes.respondentMark(request, cookies: environment.cookieNames)
        let found = try await environment.database.read {
            connection -> (UnitRecord, String?, [OpenForm])? in
            let units = UnitStore(connection)
            guard let unit = try units.resolve(code: code, on: today) else { return nil }
            let parent = try unit.parentID.flatMap { try units.unit(id: $0) }
            let forms = try OpenForms(connection).list(unitID: unit.id, on: today, mark: mark)
            return (unit, parent?.level == "district" ? parent?.name : nil, forms)
        }
        guard let (unit, districtName, forms) = found else {
            throw HTTPError(
                .notFound,
                message:
                    "Không tìm thấy đơn vị có mã “\(code)”. Vui lòng quét lại mã QR hoặc hỏi cán bộ bộ phận một cửa.")
        }
        let citizens = forms.filter { !$0.forOfficials }
        let officials = forms.filter(\.forOfficials)
        var list: HTML =
            forms.isEmpty
            ? "<p class=\"lead\">Hôm nay chưa có đợt khảo sát nào đang mở tại đơn vị này.</p>"
            : citizens.isEmpty
                ? "<p class=\"lead\">Hôm nay chưa có phiếu khảo sát nào dành cho người dân đang mở tại đơn vị này.</p>"
                : """
                <section class="forms" id="nguoi-dan" aria-labelledby="h-nguoi-dan">
                <h2 id="h-nguoi-dan">Phiếu dành cho người dân, tổ chức</h2>
                <ul class="links">\(citizens.map { Self.item($0, unit: unit) })</ul>
                </section>
                """
        if !officials.isEmpty {
            list += """
                <section class="forms officials" id="can-bo" aria-labelledby="h-can-bo">
                <h2 id="h-can-bo">Phiếu dành cho cán bộ, công chức</h2>
                <p class="note">Chỉ cán bộ, công chức của \(unit.name) trả lời phiếu này; người dân đến làm thủ tục không cần trả lời.</p>
                <ul class="links">\(officials.map { Self.item($0, unit: unit) })</ul>
                </section>
                """
        }
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
        // The answered marks belong to this browser: never shared from a cache.
        var response = Response.html(Layout.page(title: unit.name, banner: environment.banner, body: body))
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }

    /// One open form: its title, campaign and end date, and "Đã trả lời" when this browser has answered it.
    static func item(_ form: OpenForm, unit: UnitRecord) -> HTML {
        let done: HTML =
            form.answered ? "<br><span class=\"done\">✓ Trình duyệt này đã trả lời phiếu này</span>" : .empty
        return """
            <li\(form.answered ? HTML(unsafeRaw: " class=\"answered\"") : .empty)><a href="\(SiteRoute.answer(campaign: form.campaign.id, unit: unit.code).path)"><strong>\(form.formTitle)</strong><br><span class="note">\(form.campaign.title) · đến hết ngày \(form.campaign.schedule.endsOn.vietnamese)</span>\(done)</a></li>
            """
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
                name: environment.cookieNames.kiosk, value: value, path: "/",
                httpOnly: true, secure: environment.servesHTTPS,
                sameSite: .lax))
        return response
    }
}
