import HTML
import HTTP
import Store
import Survey
import Web

/// `GET /admin/today`: one board of today's daily reports across every open campaign, the landing of district and
/// commune accounts (`/admin` sends them here). A district sees its communes and desk, a commune itself and its
/// late-entry days, the province a roll-up per district and, with `?district=CODE`, one district's board.
struct TodayRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .today) { request, user in try await show(request, user: user) }
    }

    func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let now = environment.clock.nowSeconds
        let districtCode = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        let body: HTML
        switch user.role {
        case .commune:
            guard districtCode == nil else { throw Self.outOfScope(districtCode ?? "") }
            let since = environment.clock.today.adding(days: -TodayCommunePage.replyDays)
            let (board, openings, replies) = try await environment.database.read { connection in
                (
                    try TodayBoardStore(connection).board(scope: .unit(user.unitID), now: now),
                    try LateEntryStore(connection).activeOpenings(unitID: user.unitID, at: now),
                    try ReportReadingStore(connection).recentReplies(unitID: user.unitID, from: since)
                )
            }
            body = TodayCommunePage(board: board, user: user, openings: openings, replies: replies).render()
        case .district:
            guard districtCode == nil || districtCode == user.unitCode else {
                throw Self.outOfScope(districtCode ?? "")
            }
            let (board, listings) = try await environment.database.read { connection in
                (
                    try TodayBoardStore(connection).board(scope: .district(user.unitID), now: now),
                    try LateEntryStore(connection).inForce(for: user, at: now)
                )
            }
            body = TodayDistrictPage(
                board: board, user: user, placeName: user.unitName, listings: listings, provinceView: false
            ).render()
        case .province:
            body = try await province(user: user, districtCode: districtCode, now: now)
        }
        return AdminPage.response(
            AdminLayout.page(
                title: "Báo cáo ngày hôm nay", user: user, csrf: request.csrfToken, banner: environment.banner,
                scripts: [SiteRoute.asset(path: "copy.js").path], body: body))
    }

    /// The whole province, or one of its districts by code (404 for a code that is not a district of its set).
    private func province(user: AuthenticatedUser, districtCode: String?, now: Int64) async throws -> HTML {
        try await environment.database.read { connection in
            let units = UnitStore(connection)
            let lateEntries = try LateEntryStore(connection).inForce(for: user, at: now)
            guard let districtCode else {
                let board = try TodayBoardStore(connection).board(scope: .province, now: now)
                return TodayProvincePage(board: board, user: user, lateEntries: lateEntries.count).render()
            }
            guard let own = try units.unit(id: user.unitID),
                let district = try units.unit(code: districtCode, inSet: own.unitSetID), district.level == "district"
            else {
                throw HTTPError(.notFound, message: "Không có huyện mã “\(districtCode)”.")
            }
            let inDistrict = Set(try units.children(of: district.id).map(\.id)).union([district.id])
            let board = try TodayBoardStore(connection).board(scope: .district(district.id), now: now)
            return TodayDistrictPage(
                board: board, user: user, placeName: district.name,
                listings: lateEntries.filter { inDistrict.contains($0.opening.unitID) }, provinceView: true
            ).render()
        }
    }

    private static func outOfScope(_ code: String) -> HTTPError {
        HTTPError(.forbidden, message: "Huyện mã “\(code)” ngoài phạm vi quản lý của tài khoản.")
    }
}
