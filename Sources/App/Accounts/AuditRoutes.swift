import HTML
import HTTP
import Store
import Survey
import Web

/// `GET /admin/audit`: the audit log for province users, newest first, 50 a page, filtered by action, user
/// and a range of days (Hanoi time).
struct AuditRoutes: Sendable {
    let environment: AppEnvironment

    static let pageSize = 50

    func install(on routes: inout RouteTable) {
        routes.page(.get, .audit, roles: Access.provinceOnly) { request, user in try await show(request, user: user) }
    }

    func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let query = try request.queryItems()
        func text(_ name: String) -> String? {
            guard let value = query[name]?.trimmingSpaces(), !value.isEmpty else { return nil }
            return value
        }
        func day(_ name: String) throws -> LocalDate? {
            guard let value = text(name) else { return nil }
            guard let date = LocalDate(iso: value) else {
                throw HTTPError(
                    .badRequest, message: "Ngày “\(value)” không hợp lệ; dùng dạng NNNN-TT-NN (ví dụ 2024-06-12).")
            }
            return date
        }
        let filter = AuditEntry.Filter(
            action: text("action"), username: text("user"), from: try day("from"),
            to: try day("to"))
        let pageText = text("page") ?? "1"
        guard let page = Int(pageText), page >= 1, page <= 100_000 else {
            throw HTTPError(.badRequest, message: "Số trang “\(pageText)” không hợp lệ.")
        }
        let pageSize = Self.pageSize
        let (entries, actions) = try await environment.database.read { connection in
            (
                try AuditEntry.search(
                    filter, limit: pageSize + 1, offset: (page - 1) * pageSize, connection: connection),
                try AuditEntry.actions(connection: connection)
            )
        }
        let hasNext = entries.count > pageSize
        let rows = entries.prefix(pageSize).map { entry -> HTML in
            let when = "\(VietnamTime.localDate(at: entry.at).vietnamese) \(VietnamTime.clockText(at: entry.at))"
            let who = entry.username ?? "—"
            return
                "<tr><td data-label=\"Thời gian\">\(when)</td><td data-label=\"Người dùng\">\(who)</td><td data-label=\"Thao tác\">\(entry.actionLabel)</td><td data-label=\"Chi tiết\">\(entry.detail)</td></tr>"
        }
        let options = actions.map { action -> HTML in
            let selected: HTML = action == filter.action ? " selected" : .empty
            return "<option value=\"\(action)\"\(selected)>\(AuditAction.label(action))</option>"
        }
        func link(_ number: Int) -> String {
            var items: [(String, String)] = []
            if let action = filter.action { items.append(("action", action)) }
            if let name = filter.username { items.append(("user", name)) }
            if let from = filter.from { items.append(("from", from.iso)) }
            if let to = filter.to { items.append(("to", to.iso)) }
            items.append(("page", String(number)))
            return SiteRoute.audit.path + "?"
                + items.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
                .joined(separator: "&")
        }
        let previous: HTML = page > 1 ? "<a href=\"\(link(page - 1))\">← Trang trước</a>" : "<span></span>"
        let next: HTML = hasNext ? "<a href=\"\(link(page + 1))\">Trang sau →</a>" : "<span></span>"
        let table: HTML =
            entries.isEmpty
            ? "<p>Không có mục nào phù hợp.</p>"
            : """
            <table class="cards">
            <thead><tr><th>Thời gian</th><th>Người dùng</th><th>Thao tác</th><th>Chi tiết</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        let body: HTML = """
            <h1>Nhật ký thao tác</h1>
            <form class="filters" method="get" action="\(SiteRoute.audit.path)">
            <label>Thao tác<select name="action"><option value="">Tất cả</option>\(options)</select></label>
            <label>Người dùng<input type="text" name="user" value="\(filter.username ?? "")"></label>
            <label>Từ ngày<input type="date" name="from" value="\(filter.from?.iso ?? "")"></label>
            <label>Đến ngày<input type="date" name="to" value="\(filter.to?.iso ?? "")"></label>
            <button type="submit" class="button">Lọc</button>
            </form>
            \(table)
            <nav class="pager">\(previous)<span>Trang \(page)</span>\(next)</nav>
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Nhật ký thao tác", user: user, csrf: request.csrfToken,
                banner: environment.banner, body: body))
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
