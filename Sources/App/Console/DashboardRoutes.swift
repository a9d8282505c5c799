import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/campaigns/{id}`: the dashboard of a campaign, as wide as the user's scope. The province sees the
/// roll-up, every commune, satisfaction and the chart; a district sees today's reports of its communes with the
/// list of those to remind; a commune sees its own figures and the way to its daily report.
struct DashboardRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .dashboard) { request, user in try await dashboard(request, user: user) }
        // The unit pages the dashboard's names link to.
        CampaignUnitRoutes(environment: environment).install(on: &routes)
        FlagRoutes(environment: environment).install(on: &routes)
        UnitTextsRoutes(environment: environment).install(on: &routes)
        DeskHoursRoutes(environment: environment).install(on: &routes)
    }

    struct Data: Sendable {
        let units: [CommuneSummary]
        let summary: CampaignSummary?
        let districts: [DistrictSummary]
        let questions: [QuestionSatisfaction]
        /// The official per-question table (province and district; nil for a commune, which has its own table).
        let results: QuestionResults?
        let days: [DailyAnswerCount]
        let top: [CommuneSummary]
        let reminders: ReminderList?
        let threshold: Double
    }

    func dashboard(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let today = environment.clock.today
        let isProvince = context.user.role == .province
        let cache = environment.counterCache
        let data = try await environment.database.read { connection in
            let store = ReportSummaryStore(connection, cache: cache)
            let threshold = try ReportSettings.load(connection).satisfactionThreshold
            if isProvince, let overview = try store.overview(campaignID: context.campaign.id, today: today) {
                return Data(
                    units: overview.communes, summary: overview.summary, districts: overview.districts,
                    questions: overview.questions, results: overview.results,
                    days: try store.answersPerDay(
                        campaignID: context.campaign.id, through: today,
                        total: overview.summary.answers, today: today),
                    top: overview.top, reminders: nil, threshold: threshold)
            }
            let unitFilter: Int64? = context.user.role == .commune ? context.user.unitID : nil
            // Reminders only once the campaign runs: before its first day there is no report to remind of.
            let remind = context.user.role == .district && DashboardView.hasStarted(context.campaign, today: today)
            return Data(
                units: try context.communeSummaries(connection, today: today), summary: nil, districts: [],
                questions: unitFilter == nil
                    ? []
                    : try store.questionSatisfaction(
                        campaignID: context.campaign.id,
                        unitID: unitFilter),
                // A district's own communes and desk, like its table; a commune's own answers (a ward reads the
                // results of the campaign it runs, as its print page already shows them).
                results: try QuestionResults.load(
                    connection, campaignID: context.campaign.id, today: today,
                    scope: CampaignFigures.Scope(user: context.user)),
                // A district's chart counts its own communes and desk, like its table.
                days: try store.answersPerDay(
                    campaignID: context.campaign.id,
                    scope: CampaignFigures.Scope(user: context.user), through: today),
                top: [],
                reminders: remind
                    ? try store.reminderList(
                        campaignID: context.campaign.id, today: today,
                        districtCode: context.districtCode)
                    : nil,
                threshold: threshold)
        }
        // The province's 3,321 communes: those needing attention first, a page at a time.
        let query = DashboardQuery(request, defaultSort: isProvince ? .status : .code)
        let body = DashboardView(
            context: context, data: data, today: today, now: environment.clock.nowSeconds,
            query: query, csrf: request.csrfToken
        ).render()
        // No `Refresh` header: it reloaded the page under a half-typed late-entry form. The page says when its
        // figures were read and reloads itself only while no field is touched (`DashboardView.freshness`).
        return AdminPage.response(
            request, user: context.user, title: context.campaign.title, banner: environment.banner, body: body)
    }
}
