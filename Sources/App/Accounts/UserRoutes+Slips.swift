import HTML
import HTTP
import Store
import Survey
import Web

// Resetting a password (a confirmation page, then a POST) and the login slip page every creation or reset leads to:
// a GET that can be reloaded or printed again for 24 hours without resetting anything a second time.
extension UserRoutes {
    func confirmReset(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let target = try await admin.managedAccount(actor: user, targetID: try Self.accountID(request))
        let body: HTML = """
            <h1>Cấp lại mật khẩu?</h1>
            <p class="lead">Tài khoản <strong>\(target.username)</strong> – \(target.role.label.lowercased()), \(target.unitName) (\(target.unitCode)).</p>
            <ul>
            <li>Mật khẩu hiện tại của tài khoản này sẽ thôi dùng được; mọi phiên đăng nhập của tài khoản kết thúc ngay.</li>
            <li>Hệ thống tạo mật khẩu lần đầu mới và in phiếu tài khoản; người dùng phải đổi mật khẩu khi đăng nhập.</li>
            </ul>
            <form method="post" action="\(SiteRoute.resetPassword(user: target.id).path)">
            \(AdminLayout.csrfField(request.csrfToken))
            <p><button type="submit" class="button primary">Xác nhận cấp lại mật khẩu</button></p>
            </form>
            <p><a class="button" href="\(SiteRoute.users.path)">Hủy, về danh sách tài khoản</a></p>
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Cấp lại mật khẩu \(target.username)", user: user, csrf: request.csrfToken,
                banner: environment.banner, body: body))
    }

    func reset(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (_, slip) = try await service.resetPassword(actor: user, targetID: try Self.accountID(request))
        return .redirect(to: SiteRoute.loginSlip(slip: slip).path)
    }

    func showSlip(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        guard let id = Int64(try request.parameters.require("slip")), id > 0 else {
            throw HTTPError(.badRequest, message: "Mã phiếu không hợp lệ.")
        }
        let stored = try await admin.slip(actor: user, id: id)
        let until =
            "\(VietnamTime.clockText(at: stored.expiresAt)) ngày \(VietnamTime.localDate(at: stored.expiresAt).vietnamese)"
        let loginURL = SiteRoute.login.url(publicURL: environment.publicURL)
        let names = stored.slips.map(\.username).joined(separator: ", ")
        let body: HTML = """
            <div class="noprint">
            <h1>Phiếu tài khoản</h1>
            <p class="notice" role="status">\(stored.slips.count == 1 ? "Tài khoản" : "\(stored.slips.count) tài khoản") \(names): mật khẩu lần đầu in trên phiếu dưới đây. Người dùng phải đổi mật khẩu khi đăng nhập lần đầu.</p>
            <p>Chỉ bạn xem lại được trang này, đến \(until), và chỉ cho đến khi tài khoản đổi mật khẩu. In bằng lệnh In của trình duyệt (Ctrl+P); mỗi tài khoản in trên một trang.</p>
            <p><a class="button" href="\(SiteRoute.users.path)">Về danh sách tài khoản</a></p>
            </div>
            \(stored.slips.map { LoginSlips.slip($0, loginURL: loginURL) })
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Phiếu tài khoản", user: user, csrf: request.csrfToken, banner: environment.banner,
                body: body))
    }
}
