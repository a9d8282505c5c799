import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/roster`: the helper roster. A commune lists its people on duty (name, organisation, days) and removes
/// one (303 back); a district sets the deadline and sees each commune's list and who is missing it; the province
/// reads any district's (`?district=CODE`).
struct RosterRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .roster) { request, user in try await show(request, user: user) }
        routes.page(.post, .roster, roles: [.commune]) { request, user in try await add(request, user: user) }
        routes.page(.post, .removeRosterEntry, roles: [.commune]) { request, user in
            try await remove(request, user: user)
        }
        routes.page(.post, .rosterDeadline, roles: [.district]) { request, user in
            try await setDeadline(request, user: user)
        }
        routes.api(.get, .apiRoster) { request, user in try await apiRoster(request, user: user) }
    }

    private func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        try await page(request, user: user, form: RosterPage.Form(), status: .ok)
    }

    private func page(_ request: Request, user: AuthenticatedUser, form: RosterPage.Form, status: HTTPStatus)
        async throws -> Response
    {
        let today = environment.clock.today
        let districtCode = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        let content = try await environment.database.read { connection -> RosterPage.Content in
            let units = UnitStore(connection)
            let store = RosterStore(connection)
            guard let own = try units.unit(id: user.unitID) else { throw HTTPError.notFound }
            switch user.role {
            case .commune:
                let deadline = try own.parentID.flatMap { try store.deadline(districtID: $0) }
                return .commune(entries: try store.entries(unitID: own.id), deadline: deadline)
            case .district:
                let deadline = try store.deadline(districtID: own.id)
                return .district(
                    own, deadline: deadline,
                    communes: try store.communes(districtID: own.id, deadline: deadline, today: today))
            case .province:
                let districts = try units.units(inSet: own.unitSetID, level: "district")
                guard let districtCode else { return .province(districts: districts) }
                guard let district = districts.first(where: { $0.code == districtCode }) else {
                    throw HTTPError(.notFound, message: "Không có huyện mã “\(districtCode)”.")
                }
                let deadline = try store.deadline(districtID: district.id)
                return .district(
                    district, deadline: deadline,
                    communes: try store.communes(districtID: district.id, deadline: deadline, today: today))
            }
        }
        let saved = ((try? request.query("saved")) ?? nil) != nil
        let body = RosterPage(
            user: user, content: content, today: today, csrf: request.csrfToken, form: form, saved: saved
        ).render()
        return AdminPage.response(
            AdminLayout.page(
                title: "Danh sách người trực", user: user, csrf: request.csrfToken, banner: environment.banner,
                body: body), status: status)
    }

    private func add(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let form = try request.form()
        let typed = RosterPage.Form(
            name: form["name"] ?? "", organisation: form["organisation"] ?? "", days: form["days"] ?? "")
        let now = environment.clock.nowSeconds
        do {
            try await environment.database.write { connection in
                try RosterStore(connection).add(
                    unitID: user.unitID, name: typed.name, organisation: typed.organisation, days: typed.days,
                    by: user, now: now)
            }
        } catch let error as RosterError {
            var refused = typed
            refused.message = error.message
            if case .invalid(let fields) = error.kind { refused.errors = fields }
            return try await page(request, user: user, form: refused, status: error.status)
        }
        return .redirect(to: SiteRoute.roster.href([("saved", "1")]))
    }

    private func remove(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let entryID = try request.parameters.require("id", as: Int64.self)
        try await environment.database.write { connection in
            let store = RosterStore(connection)
            guard let unitID = try store.unitID(ofEntry: entryID) else {
                throw RosterError(.notFound, "Không có người này trong danh sách người trực.")
            }
            guard unitID == user.unitID else {
                throw RosterError(.outOfScope, "Người này thuộc danh sách người trực của đơn vị khác.")
            }
            try store.remove(entryID: entryID, unitID: unitID)
        }
        return .redirect(to: SiteRoute.roster.path)
    }

    private func setDeadline(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let form = try request.form()
        let text = (form["due_on"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let date = LocalDate(iso: text) else {
            var refused = RosterPage.Form()
            refused.message = "Hạn nộp “\(text)” không phải một ngày hợp lệ; dùng dạng NNNN-TT-NN."
            return try await page(request, user: user, form: refused, status: .unprocessableContent)
        }
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try RosterStore(connection).setDeadline(districtID: user.unitID, dueOn: date, by: user, now: now)
        }
        return .redirect(to: SiteRoute.roster.href([("saved", "1")]))
    }
}
