import Database
import HTTP
import Store
import Survey
import Web

/// The JSON API for the steering committees' own tools (`/api/v1/...`), behind `Authorization: Bearer` tokens
/// (`APITokenMiddleware`; cookies are never accepted). Scope is the pages' rule (`UnitScope`): a province sees
/// its whole unit set, a district its own communes and desk, a commune itself. Errors are
/// `{"error": code, "message": Vietnamese sentence}`: 401 no or bad token, 403 out of scope, 404 unknown
/// campaign or unit, 409 outside the reporting window or not today, 415 not JSON, 422 invalid body. Every list
/// answers through `APIList`: `limit` and `cursor` page it (400 `invalid_limit`, `invalid_cursor`), and it carries an
/// ETag that `If-None-Match` turns into a 304.
///
/// - `GET /api/v1/campaigns`: published campaigns in scope that are open, about to open, or ended within
///   `recentDays` days.
/// - `GET /api/v1/campaigns/{id}/communes`: one object per unit in scope, by code.
/// - `GET /api/v1/campaigns/{id}/summary`: the dashboard's summary cards over the units in scope only.
/// - `GET /api/v1/campaigns/{id}/flags?unit=CODE`: the unit's flagged answers (province, and the unit's district),
///   newest first: `{id, submitted_at, fill_seconds, reasons, state}`.
/// - `GET /api/v1/campaigns/{id}/questions[?unit=CODE|district=CODE]`: per-question option counts over the units in
///   scope, or one unit or district of it (`APIQuestionItem`, `QuestionResults`).
/// - `GET /api/v1/campaigns/{id}/communes/{code}`: one unit's page in the campaign (`APICampaignUnit`).
/// - `GET /api/v1/campaigns/{id}/days`: answers per day over the units in scope (the dashboard's chart).
/// - `GET /api/v1/campaigns/{id}/districts`: the roll-up per district over the units in scope (managers).
/// - `GET /api/v1/campaigns/{id}/satisfaction`: satisfaction per question over the units in scope.
/// - `GET /api/v1/today[?district=CODE]`: today's daily reports across open campaigns (`APITodayUnit`).
/// - `GET /api/v1/suggestions/weekly[/topics]?week=YYYY-MM-DD[&district=CODE]`: the weekly suggestion summary's
///   rows (`APIWeeklySuggestion`) and classifications (`APIWeeklyTopic`); `GET /api/v1/suggestions/counts`: the
///   desk list's per-box status counts of a round (`APISuggestionCount`, managers).
/// - `GET /api/v1/years/{year}/communes[/{code}]`, `GET /api/v1/years/{year}/districts`: a year's lines and a
///   commune's year (`YearStore`, as the rankings and the commune's year page).
/// - `GET /api/v1/years/{year}/dossiers[/shares][?district=CODE]`: the dossier list's rows and its share recognised
///   per district (managers; installed by `DossierListRoutes`).
/// - `GET /api/v1/reports[?date=&district=]`, `GET /api/v1/reports/{code}/{date}`: the reading of the daily reports
///   (installed by `ReportReadingRoutes`); `GET /api/v1/roster` and `GET /api/v1/periodic-reports?year=`: the roster
///   and the periodic reports (installed by their routes).
/// - `GET /api/v1/me`: the token's account and the token (`APIMe`); `GET /api/v1/openapi.json`: the contract.
/// - `PUT /api/v1/campaigns/{id}/communes/{code}/reports/{yyyy-mm-dd}`: a commune account files or corrects
///   its unit's daily report of that day (one per unit and day, counted by every open campaign covering it), under
///   the same window and late-entry rules as the page (`DailyReportStore.submit`); the campaign in the path must be
///   open and cover the unit and the day (409 `not_in_campaign` otherwise).
struct APIRoutes: Sendable {
    let environment: AppEnvironment
    func install(on routes: inout RouteTable) {
        routes.api(.get, .apiCampaigns) { request, user in try await campaigns(request, user: user) }
        routes.api(.get, .apiCommunes) { request, user in try await communes(request, user: user) }
        routes.api(.get, .apiSummary) { request, user in try await summary(request, user: user) }
        routes.api(.get, .apiFlags, roles: Access.managers) { request, user in try await flags(request, user: user) }
        routes.api(.get, .apiQuestions) { request, user in try await questions(request, user: user) }
        routes.api(.get, .apiCommune) { request, user in try await commune(request, user: user) }
        routes.api(.get, .apiDays) { request, user in try await days(request, user: user) }
        routes.api(.get, .apiDistricts, roles: Access.managers) { request, user in
            try await districts(request, user: user)
        }
        routes.api(.get, .apiSatisfaction) { request, user in try await satisfaction(request, user: user) }
        routes.api(.get, .apiToday) { request, user in try await today(request, user: user) }
        routes.api(.get, .apiWeeklySuggestions) { request, user in try await weeklySuggestions(request, user: user) }
        routes.api(.get, .apiWeeklySuggestionTopics) { request, user in
            try await weeklySuggestionTopics(request, user: user)
        }
        routes.api(.get, .apiSuggestionCounts, roles: Access.managers) { request, user in
            try await suggestionCounts(request, user: user)
        }
        // Only a commune files its own daily report; a district opens late entry instead.
        routes.api(.put, .apiReport, roles: [.commune], refusal: .reportForbidden) { request, user in
            try await putReport(request, user: user)
        }
    }

    func campaigns(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let today = environment.clock.today
        let records = try await environment.database.read {
            try CampaignAccess.listed($0, user: user, today: today, endedWithinDays: CampaignAccess.recentDays)
        }
        return try APIList(request, environment).json(
            records.map { APICampaignItem($0, today: today) }, position: \.listPosition)
    }

    func communes(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let scoped = try await scopedCampaign(request, user: user)
        return try APIList(request, environment).response(
            scoped.communes.map(APICommuneItem.init), position: \.listPosition, body: APICommuneList.response)
    }

    func summary(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        try APIJSON.response(APICampaignTotals(try await scopedCampaign(request, user: user)))
    }

    func scopedCampaign(_ request: Request, user: AuthenticatedUser) async throws -> ScopedCampaign {
        let campaignID = try Self.campaignID(request)
        let today = environment.clock.today
        let cache = environment.counterCache
        return try await environment.database.read {
            try ScopedCampaign.load($0, user: user, campaignID: campaignID, today: today, cache: cache)
        }
    }

    func flags(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let campaignID = try Self.campaignID(request)
        let code = try request.query("unit") ?? ""
        let answers = try await environment.database.read { connection in
            // The campaign's access first: a stranger learns nothing from a 400 or a 404 about a unit.
            let access = try CampaignAccess.load(connection, user: user, campaignID: campaignID)
            guard !code.isEmpty else { throw APIError.missingUnit }
            guard let unit = try UnitStore(connection).unit(code: code, inSet: access.campaign.unitSetID),
                try CampaignStore(connection).includes(campaignID: campaignID, unitID: unit.id)
            else { throw APIError.unitNotFound }
            guard access.unitIDs.contains(unit.id) else { throw APIError.forbidden }
            return try FlagStore(connection).flaggedAnswers(campaignID: campaignID, unitID: unit.id)
        }
        return try APIList(request, environment, filters: ["unit"]).json(
            answers.map(APIFlagItem.init), position: \.listPosition)
    }

    /// Scoped like the other reads: with neither parameter the user's whole scope; `unit` a unit of the campaign
    /// in it, `district` the province's any district or a district account's own (403 otherwise, 404 unknown).
    func questions(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let campaignID = try Self.campaignID(request)
        let unitCode = try request.query("unit")
        let districtCode = try request.query("district")
        let today = environment.clock.today
        let cache = environment.counterCache
        let results = try await environment.database.read { connection in
            // The campaign's access first: a stranger learns nothing from a 400 or a 404 about a unit.
            let access = try CampaignAccess.load(connection, user: user, campaignID: campaignID)
            let scope: CampaignFigures.Scope
            switch (unitCode, districtCode) {
            case (.some, .some): throw APIError.unitAndDistrict
            case (.some(let code), nil):
                guard let unit = try UnitStore(connection).unit(code: code, inSet: access.campaign.unitSetID),
                    try CampaignStore(connection).includes(campaignID: campaignID, unitID: unit.id)
                else { throw APIError.unitNotFound }
                guard access.unitIDs.contains(unit.id) else { throw APIError.forbidden }
                scope = .unit(unit.id)
            case (nil, .some(let code)):
                guard let district = try UnitStore(connection).unit(code: code, inSet: access.campaign.unitSetID),
                    district.level == "district"
                else { throw APIError.districtNotFound }
                guard user.role == .province || (user.role == .district && user.unitID == district.id) else {
                    throw APIError.forbidden
                }
                scope = .district(district.id)
            case (nil, nil):
                scope = CampaignFigures.Scope(user: user)
            }
            guard
                let results = try QuestionResults.load(
                    connection, campaignID: campaignID, today: today, scope: scope, cache: cache)
            else { throw CampaignAccessError.notFound }
            return results
        }
        return try APIList(request, environment, filters: ["unit", "district"]).json(
            results.questions.enumerated().map { APIQuestionItem($1, position: $0) }, position: \.listPosition)
    }

    func putReport(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let campaignID = try Self.campaignID(request)
        let code = try request.parameters.require("code")
        guard let date = LocalDate(iso: try request.parameters.require("date")) else { throw APIError.badDate }
        if let contentType = request.headers["Content-Type"],
            APITokenMiddleware.trimmingBlanks(contentType.split(separator: ";").first ?? "").lowercased()
                != "application/json"
        {
            throw APIError.unsupportedBody
        }
        // Decoded before the write, checked after the scope: a stranger learns nothing from a 422.
        let body = Result { () throws(APIInvalidBody) in try APIReportBody.decode(request.body) }
        let now = environment.clock.nowSeconds
        let receipt = try await environment.database.write { connection in
            guard let campaign = try CampaignStore(connection).campaign(id: campaignID),
                CampaignAccess.isVisible(campaign, to: user)
            else { throw CampaignAccessError.notFound }
            guard let unit = try UnitStore(connection).unit(code: code, inSet: campaign.unitSetID),
                try CampaignStore(connection).includes(campaignID: campaignID, unitID: unit.id)
            else {
                throw APIError.unitNotFound
            }
            guard user.role == .commune, user.unitID == unit.id else { throw APIError.reportForbidden }
            let draft = try body.get().draft(campaignID: campaignID, unitID: unit.id, date: date)
            let receipt = try DailyReportStore(connection).submit(draft, by: user, now: now)
            return APIReportReceipt(campaign: campaignID, code: unit.code, date: date.iso, receipt: receipt)
        }
        environment.flagScanner.scanSoon()
        return try APIJSON.response(receipt)
    }

    /// A campaign id that is not a number names no campaign: 404, like an unknown one.
    static func campaignID(_ request: Request) throws -> Int64 {
        guard let text = request.parameters["id"], let id = Int64(text), id > 0 else {
            throw CampaignAccessError.notFound
        }
        return id
    }
}
