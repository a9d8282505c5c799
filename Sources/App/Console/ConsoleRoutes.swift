import Store
import Web

/// The steering committees' console under `/admin/campaigns/{id}`: dashboards, daily reports, exports, today's board.
struct ConsoleRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        DashboardRoutes(environment: environment).install(on: &routes)
        DailyReportRoutes(environment: environment).install(on: &routes)
        UnitReportRoutes(environment: environment).install(on: &routes)
        ExportRoutes(environment: environment).install(on: &routes)
        TodayRoutes(environment: environment).install(on: &routes)
    }
}
