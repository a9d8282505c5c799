import HTML
import HTTP
import Store
import Web

// Creating accounts on the web: one at a time (`/admin/users/new`) or, for every unit in scope without an account,
// in bulk (`/admin/users/bulk`). Both answer 303 to the login slip page, which can be reloaded and printed again.
extension UserRoutes {
    func newUserForm(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let managed = try await admin.managedUnits(actor: user)
        let chosen = try request.query("unit").flatMap { managed.item(code: $0) }
        return newUserPage(
            request, user: user, managed: managed, unitCode: chosen?.unit.code,
            username: chosen?.proposedUsername ?? "", error: nil, status: .ok)
    }

    func createUser(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let form = try request.form()
        let unitCode = form.first("unit") ?? ""
        let username = form.first("username") ?? ""
        do {
            guard !unitCode.isEmpty else {
                throw AccountError.invalid("Hãy chọn đơn vị của tài khoản.")
            }
            let slip = try await admin.create(actor: user, unitCode: unitCode, username: username)
            return .redirect(to: SiteRoute.loginSlip(slip: slip).path)
        } catch let error as AccountError {
            let managed = try await admin.managedUnits(actor: user)
            return newUserPage(
                request, user: user, managed: managed, unitCode: unitCode, username: username,
                error: error.description, status: error.status)
        }
    }

    private func newUserPage(
        _ request: Request, user: AuthenticatedUser, managed: ManagedUnits, unitCode: String?, username: String,
        error: String?, status: HTTPStatus
    ) -> Response {
        let options = Self.unitOptions(managed, user: user, selected: unitCode)
        let errorHTML: HTML = error.map { "<p class=\"error\" id=\"e-form\" role=\"alert\">\($0)</p>" } ?? .empty
        let example = managed.items.first { !$0.hasAccount } ?? managed.items.first
        let body: HTML =
            managed.items.isEmpty
            ? "<h1>Tạo tài khoản</h1><p>Không có đơn vị nào trong phạm vi để tạo tài khoản.</p>"
            : """
            <h1>Tạo tài khoản</h1>
            <p class="lead">Chọn đơn vị trong phạm vi quản lý. Hệ thống tạo mật khẩu lần đầu và in phiếu tài khoản; người dùng phải đổi mật khẩu ngay khi đăng nhập lần đầu.</p>
            \(errorHTML)
            <form class="stack" method="post" action="\(SiteRoute.newUser.path)">
            \(AdminLayout.csrfField(request.csrfToken))
            <label for="unit">Đơn vị</label>
            <select id="unit" name="unit" required>
            <option value="">– Chọn đơn vị –</option>
            \(options)
            </select>
            <label for="username">Tên đăng nhập</label>
            <input class="text" id="username" name="username" value="\(username)" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="\(UsernamePolicy.maximumLength)" aria-describedby="username-help">
            <p class="help" id="username-help">Để trống để dùng tên đề xuất: tiền tố theo cấp và mã đơn vị\(example.map { ", ví dụ \($0.proposedUsername)" } ?? "").</p>
            <p><button type="submit" class="button primary">Tạo tài khoản và in phiếu</button></p>
            </form>
            <p><a href="\(SiteRoute.users.path)">Về danh sách tài khoản</a></p>
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Tạo tài khoản", user: user, csrf: request.csrfToken, banner: environment.banner,
                body: body), status: status)
    }

    /// The unit choices grouped as a person looks for them: the districts, then each district's communes.
    static func unitOptions(_ managed: ManagedUnits, user: AuthenticatedUser, selected: String?) -> HTML {
        func option(_ item: ManagedUnits.Item) -> HTML {
            let isSelected: HTML = item.unit.code == selected ? " selected" : .empty
            let note = item.hasAccount ? " · đã có tài khoản" : ""
            return
                "<option value=\"\(item.unit.code)\"\(isSelected)>\(item.unit.name) (\(item.unit.code)) → \(item.proposedUsername)\(note)</option>"
        }
        var names: [Int64: String] = [user.unitID: user.unitName]
        for item in managed.items where item.role == .district { names[item.unit.id] = item.unit.name }
        var groups: [HTML] = []
        let districts = managed.items.filter { $0.role == .district }
        if !districts.isEmpty {
            groups.append("<optgroup label=\"\(Role.district.label)\">\(districts.map(option))</optgroup>")
        }
        var parents: [Int64] = []
        var communes: [Int64: [ManagedUnits.Item]] = [:]
        for item in managed.items where item.role == .commune {
            let parent = item.unit.parentID ?? 0
            if communes[parent] == nil { parents.append(parent) }
            communes[parent, default: []].append(item)
        }
        for parent in parents {
            let label = names[parent].map { "Cấp xã – \($0)" } ?? Role.commune.label
            groups.append("<optgroup label=\"\(label)\">\((communes[parent] ?? []).map(option))</optgroup>")
        }
        return "\(groups)"
    }

    func bulkForm(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let missing = try await admin.managedUnits(actor: user).withoutAccount
        let items = missing.map { item -> HTML in
            """
            <li><label><input type="checkbox" name="unit" value="\(item.unit.code)" checked> \(item.unit.name) (\(item.unit.code)) → <strong>\(item.proposedUsername)</strong></label></li>
            """
        }
        let body: HTML =
            missing.isEmpty
            ? """
            <h1>Tạo tài khoản hàng loạt</h1>
            <p>Mọi đơn vị trong phạm vi quản lý đều đã có tài khoản.</p>
            <p><a href="\(SiteRoute.users.path)">Về danh sách tài khoản</a></p>
            """
            : """
            <h1>Tạo tài khoản hàng loạt</h1>
            <p class="lead">\(missing.count) đơn vị trong phạm vi chưa có tài khoản. Mỗi đơn vị được chọn có một tài khoản với tên đề xuất và mật khẩu lần đầu ngẫu nhiên; phiếu tài khoản (mỗi tài khoản một trang) hiện ngay sau đó để in.</p>
            <form method="post" action="\(SiteRoute.bulkUsers.path)">
            \(AdminLayout.csrfField(request.csrfToken))
            <ul class="choices">\(items)</ul>
            <p><button type="submit" class="button primary">Tạo các tài khoản đã chọn</button></p>
            </form>
            <p><a href="\(SiteRoute.users.path)">Về danh sách tài khoản</a></p>
            """
        return AdminPage.response(
            AdminLayout.page(
                title: "Tạo tài khoản hàng loạt", user: user, csrf: request.csrfToken, banner: environment.banner,
                body: body))
    }

    func bulkCreate(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let codes = try request.form().values(for: "unit").filter { !$0.isEmpty }
        let created = try await admin.bulkCreate(actor: user, unitCodes: codes)
        return .redirect(to: SiteRoute.loginSlip(slip: created.slip).path)
    }
}
