import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/tokens`: the signed-in account's own API tokens (name, scope, expiry, last use) with a revoke button.
/// Tokens are made by the operator (`qcdc token add`), who hands the value over once; here their owner sees what
/// acts in their name and can stop it at once.
struct TokenRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .apiTokens) { request, user in try await list(request, user: user) }
        routes.page(.post, .revokeAPIToken) { request, user in try await revoke(request, user: user) }
    }

    private func list(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let tokens = try await environment.database.read { try APITokenStore($0).tokens(ofUser: user.id) }
        let now = environment.clock.nowSeconds
        let revoked = try request.query("done") == "revoked"
        let rows = tokens.map { token -> HTML in
            let state: HTML =
                token.revokedAt != nil
                ? "Đã thu hồi \(DeskRoutes.dateTime(token.revokedAt ?? 0))"
                : now >= token.expiresAt ? "<strong>Đã hết hạn</strong>" : "Còn hiệu lực"
            let action: HTML =
                token.revokedAt == nil && now < token.expiresAt
                ? """
                <form method="post" action="\(SiteRoute.revokeAPIToken(id: token.id).path)" class="inline">\(AdminLayout.csrfField(request.csrfToken))<button type="submit">Thu hồi</button></form>
                """
                : .empty
            return """
                <tr><td data-label="Số">\(Format.count(Int(token.id)))</td><td data-label="Tên">\(token.name)</td><td data-label="Phạm vi">\(token.scope.label)</td><td data-label="Hết hạn">\(DeskRoutes.dateTime(token.expiresAt))</td><td data-label="Dùng lần cuối">\(token.lastUsedAt.map(DeskRoutes.dateTime) ?? "Chưa dùng")</td><td data-label="Tình trạng">\(state)</td><td>\(action)</td></tr>
                """
        }
        let table: HTML =
            tokens.isEmpty
            ? "<p class=\"note\">Tài khoản này chưa có mã truy cập API nào.</p>"
            : """
            <table class="cards"><thead><tr><th>Số</th><th>Tên</th><th>Phạm vi</th><th>Hết hạn</th><th>Dùng lần cuối</th><th>Tình trạng</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let notice: HTML =
            revoked
            ? "<p class=\"notice\" role=\"status\">Đã thu hồi mã truy cập: từ bây giờ API từ chối mã này.</p>" : .empty
        let body: HTML = """
            <h1>Mã truy cập API của tài khoản</h1>
            \(notice)
            <p class="note">Các hệ thống khác đọc số liệu qua API bằng mã truy cập mang tên tài khoản này. Mã hết hiệu lực khi hết hạn, khi bị thu hồi, khi tài khoản bị khóa hoặc khi mật khẩu được đổi hay cấp lại. Mã mới do quản trị viên tạo (qcdc token add) và chỉ hiện một lần.</p>
            \(table)
            """
        return AdminPage.response(
            request, user: user, title: "Mã truy cập API", banner: environment.banner, body: body)
    }

    /// Only the account's own tokens: another account's is "not found", whoever asks.
    private func revoke(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        guard let id = request.parameters["id"].flatMap({ Int64($0) }) else { throw HTTPError.notFound }
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            let store = APITokenStore(connection)
            guard let token = try store.find(id: id), token.userID == user.id else {
                throw HTTPError(.notFound, message: "Không có mã truy cập này trong các mã của tài khoản.")
            }
            try connection.transaction {
                if try store.revoke(id: id, ofUser: user.id, now: now) {
                    try AuditLog(connection).record(
                        user, action: .tokenRevoke, detail: "Thu hồi mã truy cập API số \(id) “\(token.name)”", at: now)
                }
            }
        }
        return .redirect(to: SiteRoute.apiTokens.href([("done", "revoked")]))
    }
}
