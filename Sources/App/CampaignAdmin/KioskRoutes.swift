import HTML
import HTTP
import QRCode
import Store
import Survey
import Web

/// `GET /admin/kiosk` and `POST /admin/kiosk`: commune and district staff turn the tablet at their own desk into
/// a kiosk for 1–24 hours. The page shows the link and its QR code; the audit log records who issued one, for
/// which unit and how long (never the link itself, which works for anyone who has it until it expires). The POST
/// answers 303 to `GET /admin/kiosk?lien-ket=…` (a signed note of the issued link, `KioskLinks.Issued`), which
/// shows the link again on reload without issuing another.
struct KioskRoutes: Sendable {
    let environment: AppEnvironment

    static let roles: Set<Role> = [.commune, .district]
    static let hours = 1...24
    static let defaultHours = 10
    static let issuedParameter = "lien-ket"

    func install(on routes: inout RouteTable) {
        routes.page(.get, .kiosk, roles: Self.roles) { request, user in try await show(request, user: user) }
        routes.page(.post, .kiosk, roles: Self.roles) { request, user in try await issue(request, user: user) }
    }

    /// The button the campaign list shows commune and district staff.
    static func button(csrf: String?, hours: String = String(defaultHours), error: String? = nil) -> HTML {
        let errorHTML: HTML = error.map { "<p class=\"error\" id=\"e-hours\">\($0)</p>" } ?? .empty
        return """
            <form class="filters" method="post" action="\(SiteRoute.kiosk.path)">\(AdminLayout.csrfField(csrf))
            <label>Số giờ hiệu lực (1–24)\(errorHTML)<input type="number" name="hours" min="\(Self.hours.lowerBound)" max="\(Self.hours.upperBound)" value="\(hours)"></label>
            <button type="submit" class="button">Tạo liên kết kiosk cho bàn tiếp dân</button>
            </form>
            """
    }

    func page(_ request: Request, user: AuthenticatedUser, body: HTML, status: HTTPStatus = .ok) -> Response {
        AdminPage.response(
            request, user: user, title: "Liên kết kiosk", banner: environment.banner, body: body, status: status)
    }

    func show(
        _ request: Request, user: AuthenticatedUser, hours: String = String(defaultHours), error: String? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        if error == nil, let note = try request.query(Self.issuedParameter) {
            return try issued(request, user: user, note: note)
        }
        let body: HTML = """
            <h1>Liên kết kiosk cho bàn tiếp dân</h1>
            <p>Mở liên kết trên máy tính bảng đặt tại bộ phận một cửa của \(user.unitName): máy nhận phiếu của người này đến người khác, không cần quét mã QR. Liên kết hết hiệu lực sau số giờ đã chọn.</p>
            \(Self.button(csrf: request.csrfToken, hours: hours, error: error))
            """
        return page(request, user: user, body: body, status: status)
    }

    func issue(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let text = SearchText.clean(try request.formValue("hours") ?? "")
        guard let hours = Int(text), Self.hours.contains(hours) else {
            return try await show(
                request, user: user, hours: text, error: "Số giờ hiệu lực phải là số nguyên từ 1 đến 24.",
                status: .unprocessableContent)
        }
        let now = environment.clock.nowSeconds
        let expiresAt = now + Int64(hours) * 3600
        let until = "\(VietnamTime.clockText(at: expiresAt)) ngày \(VietnamTime.localDate(at: expiresAt).vietnamese)"
        try await environment.database.write { connection in
            try AuditLog(connection).record(
                user, action: .kioskLink,
                detail: "Đơn vị \(user.unitCode), hiệu lực \(hours) giờ, đến \(until)", at: now)
        }
        let note = KioskLinks.Issued(userID: user.id, unitCode: user.unitCode, hours: hours, expiresAt: expiresAt)
        return .redirect(to: SiteRoute.kiosk.href([(Self.issuedParameter, note.encode(key: environment.secret))]))
    }

    /// The link a POST issued, shown again as often as the page is reloaded; only to the account that issued it.
    private func issued(_ request: Request, user: AuthenticatedUser, note: String) throws -> Response {
        guard let issued = KioskLinks.Issued.decode(note, key: environment.secret), issued.userID == user.id,
            issued.unitCode == user.unitCode
        else {
            throw HTTPError(.notFound, message: "Không tìm thấy liên kết kiosk này. Vui lòng tạo liên kết mới.")
        }
        let expiresAt = issued.expiresAt
        let until = "\(VietnamTime.clockText(at: expiresAt)) ngày \(VietnamTime.localDate(at: expiresAt).vietnamese)"
        guard environment.clock.nowSeconds < expiresAt else {
            let body: HTML = """
                <h1>Liên kết kiosk đã hết hiệu lực</h1>
                <p class="notice" role="status">Liên kết này đã hết hiệu lực lúc \(until). Tạo liên kết mới nếu bàn tiếp dân vẫn cần.</p>
                \(Self.button(csrf: request.csrfToken))
                """
            return page(request, user: user, body: body, status: .gone)
        }
        let hours = issued.hours
        let link = KioskLinks.make(
            unitCode: user.unitCode, expiresAt: expiresAt, secret: environment.secret, publicURL: environment.publicURL)
        let svg = HTML(unsafeRaw: try QRCode.encode(link).svg(moduleSize: 6, label: "Liên kết kiosk \(user.unitName)"))
        let body: HTML = """
            <h1>Liên kết kiosk của \(user.unitName)</h1>
            <p class="notice" role="status">Liên kết có hiệu lực \(hours) giờ, đến \(until). Ai có liên kết này đều nộp được phiếu cho đơn vị: chỉ mở trên máy đặt tại bàn tiếp dân, không gửi cho người khác.</p>
            <p><a href="\(link)">\(link)</a></p>
            <div class="qr">\(svg)</div>
            <p class="note">Quét mã QR bằng máy tính bảng để mở liên kết mà không phải gõ lại.</p>
            <p class="noprint"><a href="\(SiteRoute.campaigns.path)">Về danh sách đợt khảo sát</a></p>
            """
        return page(request, user: user, body: body)
    }
}
