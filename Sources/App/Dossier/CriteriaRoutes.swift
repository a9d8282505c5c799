import HTTP
import Store
import Survey
import Web

/// The province's criteria sets: the list, one set's page (its contents; the edit form while no dossier uses
/// it), the edit (checked in full by `CriteriaSet.problems`) and the copy into a new version, each POST 303 to the
/// set's page.
struct CriteriaRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .criteriaSets, roles: Access.provinceOnly) { request, user in
            let sets = try await environment.database.read { try CriteriaSetStore($0).list() }
            return AdminPage.response(
                request, user: user, title: "Bộ tiêu chí công nhận", banner: environment.banner,
                body: CriteriaSetViews.list(sets))
        }
        routes.page(.get, .criteriaSet, roles: Access.provinceOnly) { request, user in
            let id = try Self.id(request)
            let (set, frozen) = try await environment.database.read { connection in
                let store = CriteriaSetStore(connection)
                guard let set = try store.set(id: id) else { throw Self.unknownSet }
                return (set, try store.isFrozen(id))
            }
            return AdminPage.response(
                request, user: user, title: set.title, banner: environment.banner,
                body: CriteriaSetViews.page(set, frozen: frozen, csrf: request.csrfToken))
        }
        routes.page(.post, .criteriaSet, roles: Access.provinceOnly) { request, user in
            let id = try Self.id(request)
            let form = try request.form()
            let now = environment.clock.nowSeconds
            try await environment.database.write { connection in
                let store = CriteriaSetStore(connection)
                guard let stored = try store.set(id: id) else { throw Self.unknownSet }
                try store.update(try CriteriaSetForm.parse(form, onto: stored), by: user, now: now)
            }
            return .redirect(to: SiteRoute.criteriaSet(id: id).path)
        }
        routes.page(.post, .copyCriteriaSet, roles: Access.provinceOnly) { request, user in
            let id = try Self.id(request)
            let now = environment.clock.nowSeconds
            let copy = try await environment.database.write { connection in
                try CriteriaSetStore(connection).copy(id, by: user, now: now)
            }
            return .redirect(to: SiteRoute.criteriaSet(id: copy).path)
        }
    }

    static let unknownSet = HTTPError(
        .notFound, message: "Không có bộ tiêu chí này. Hãy chọn từ danh sách bộ tiêu chí.")

    static func id(_ request: Request) throws -> Int64 {
        guard let id = request.parameters["id"].flatMap({ Int64($0) }), id > 0 else { throw unknownSet }
        return id
    }
}
