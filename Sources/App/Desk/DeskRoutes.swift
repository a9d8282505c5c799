import Database
import HTML
import HTTP
import Store
import Survey
import Web

/// The suggestion desk (`/admin/suggestions`): staff of a commune, its district and the province read, classify,
/// reply to and resolve the suggestions of the units in their scope, and a district prints a weekly summary.
/// Every route checks the scope on the server: 404 for an unknown suggestion, 403 for one outside the scope.
/// Every change is written to the audit log in the same write as the change.
struct DeskRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .suggestions) { request, user in try await list(request, user: user) }
        routes.page(.get, .weeklySuggestions, roles: Access.anyRole) { request, user in
            try await weekly(request, user: user)
        }
        routes.open(.get, .deskStylesheet) { _ in
            Response.bytes(Array(DeskStyles.css.utf8), contentType: "text/css; charset=utf-8")
                .settingHeader("Cache-Control", "public, max-age=3600")
        }
        routes.page(.get, .suggestion) { request, user in try await detail(request, user: user) }
        routes.page(.post, .replyToSuggestion) { request, user in try await reply(request, user: user) }
        routes.page(.post, .suggestionStatus) { request, user in try await changeStatus(request, user: user) }
        routes.page(.post, .suggestionCategory) { request, user in try await changeCategory(request, user: user) }
    }

    // MARK: - Shared

    /// The id in the path; anything that is not a positive number names no suggestion.
    static func suggestionID(_ request: Request) throws -> Int64 {
        guard let id = Int64(try request.parameters.require("id")), id > 0 else {
            throw HTTPError(.notFound, message: "Không tìm thấy góp ý này.")
        }
        return id
    }

    /// The suggestion, if it exists (404) and belongs to a unit in the user's scope (403).
    static func load(id: Int64, user: AuthenticatedUser, connection: Connection) throws -> DeskSuggestion {
        guard let suggestion = try DeskQueries(connection).suggestion(id: id) else {
            throw HTTPError(.notFound, message: "Không tìm thấy góp ý số \(id).")
        }
        guard try UnitScope(user: user, connection: connection).contains(unitID: suggestion.item.unitID) else {
            throw HTTPError(.forbidden, message: "Góp ý này thuộc đơn vị ngoài phạm vi quản lý của tài khoản.")
        }
        return suggestion
    }

    func page(
        _ request: Request, user: AuthenticatedUser, title: String, body: HTML,
        status: HTTPStatus = .ok
    ) -> Response {
        let withStyles: HTML = "<link rel=\"stylesheet\" href=\"\(SiteRoute.deskStylesheet.path)\">\n" + body
        return AdminPage.response(
            request, user: user, title: title, banner: environment.banner, body: withStyles, status: status)
    }

    static func dateTime(_ instant: Int64) -> String {
        "\(VietnamTime.clockText(at: instant)) \(VietnamTime.localDate(at: instant).vietnamese)"
    }

    // MARK: - Changes

    func reply(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try Self.suggestionID(request)
        let text = try request.formValue("reply") ?? ""
        let now = environment.clock.nowSeconds
        do {
            try await environment.database.write { connection in
                let suggestion = try Self.load(id: id, user: user, connection: connection)
                let updated = try SuggestionDesk(connection).reply(
                    suggestionID: id, text: text, repliedBy: user.id,
                    now: now)
                var detail = "Góp ý số \(id) của \(suggestion.unitName) (mã \(suggestion.item.lookupCode)): trả lời"
                if updated.status != suggestion.item.status {
                    detail += "; \(suggestion.item.status.label) → \(updated.status.label)"
                }
                try AuditLog(connection).record(user, action: .suggestionReply, detail: detail, at: now)
            }
        } catch let error as SuggestionDeskError {
            guard case .invalid(let fields) = error.kind else { throw error }
            let suggestion = try await environment.database.read { try Self.load(id: id, user: user, connection: $0) }
            return detailPage(
                request, user: user, suggestion: suggestion, replyText: text, errors: fields,
                status: .unprocessableContent)
        }
        return .redirect(to: SiteRoute.suggestion(id: id).href([("done", "reply")]))
    }

    func changeStatus(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try Self.suggestionID(request)
        let value = try request.formValue("status") ?? ""
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            // Scope first: someone outside it learns nothing, not even whether the value was valid.
            let suggestion = try Self.load(id: id, user: user, connection: connection)
            guard let status = SuggestionStatus(rawValue: value) else {
                throw HTTPError(.badRequest, message: "Trạng thái “\(value)” không hợp lệ.")
            }
            let updated = try SuggestionDesk(connection).setStatus(status, suggestionID: id, now: now)
            guard updated.status != suggestion.item.status else { return }
            try AuditLog(connection).record(
                user, action: .suggestionStatus,
                detail:
                    "Góp ý số \(id) của \(suggestion.unitName): \(suggestion.item.status.label) → \(updated.status.label)",
                at: now)
        }
        return .redirect(to: SiteRoute.suggestion(id: id).href([("done", "status")]))
    }

    func changeCategory(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try Self.suggestionID(request)
        let value = try request.formValue("category") ?? ""
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            let suggestion = try Self.load(id: id, user: user, connection: connection)
            let category: SuggestionCategory?
            if value.isEmpty {
                category = nil
            } else if let known = SuggestionCategory(rawValue: value) {
                category = known
            } else {
                throw HTTPError(.badRequest, message: "Loại góp ý “\(value)” không có trong danh sách.")
            }
            guard suggestion.category != category?.rawValue else { return }
            try DeskQueries(connection).setCategory(category, suggestionID: id)
            let what = category.map { "phân loại “\($0.label)”" } ?? "bỏ phân loại"
            try AuditLog(connection).record(
                user, action: .suggestionCategory,
                detail: "Góp ý số \(id) của \(suggestion.unitName): \(what)", at: now)
        }
        return .redirect(to: SiteRoute.suggestion(id: id).href([("done", "category")]))
    }
}
