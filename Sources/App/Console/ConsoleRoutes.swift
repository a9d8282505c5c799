import Web

/// The steering committees' console under `/admin/campaigns/{id}`: dashboards, daily reports, exports.
struct ConsoleRoutes: Sendable {
    let environment: AppEnvironment

    func install(on router: inout Router) {
        DashboardRoutes(environment: environment).install(on: &router)
        DailyReportRoutes(environment: environment).install(on: &router)
        ExportRoutes(environment: environment).install(on: &router)
    }
}
