import HTTP
import Testing
import Web

@testable import App
@testable import Store

/// Every GET route of the route table, called as a role it admits on its own unit's data (AccessMatrixTests'
/// world), answers with an explicit `Cache-Control`: the public pages a short public max-age, the pages with a
/// token or a person's data `no-store`, files their own. The exceptions to `no-store` are written here by hand, so
/// a new route is `no-store` unless this list says otherwise, and a route that loosens its policy fails until it
/// is added here.
@Suite struct CacheControlTests {
    /// Routes whose answer is not `no-store`, with the value they must send.
    static let exceptions: [SiteRoute.Template: String] = [
        // Public pages, the same for everyone: a minute in a shared cache at most.
        .root: "public, max-age=60",
        .about: "public, max-age=60",
        .privacy: "public, max-age=60",
        // The landing page marks the forms this browser has answered: never shared, never stored.
        .landing: "private, no-store",
        // Files: static assets and stylesheets revalidate after an hour; a unit's QR code never changes.
        .asset: "public, max-age=3600",
        .adminStylesheet: "public, max-age=3600",
        .deskStylesheet: "public, max-age=3600",
        .qrImage: "public, max-age=86400",
        // Uploaded files, to the users of the unit's scope only.
        .dossierDocument: "private, no-store",
        .periodicReportDocument: "private, no-store",
        .reportPhoto: "private, max-age=3600",
        // The API's own document, the same for everyone (no token): five minutes, then revalidated by its ETag.
        .apiDocument: "public, max-age=300",
        // API lists: revalidated by their ETag (APIList), kept by the token holder's client only.
        .apiCampaigns: APIList.cacheControl, .apiCommunes: APIList.cacheControl, .apiFlags: APIList.cacheControl,
        .apiQuestions: APIList.cacheControl, .apiYearCommunes: APIList.cacheControl, .apiDays: APIList.cacheControl,
        .apiDistricts: APIList.cacheControl, .apiSatisfaction: APIList.cacheControl,
        .apiYearDistricts: APIList.cacheControl, .apiToday: APIList.cacheControl,
        .apiWeeklySuggestions: APIList.cacheControl, .apiWeeklySuggestionTopics: APIList.cacheControl,
        .apiSuggestionCounts: APIList.cacheControl, .apiDossiers: APIList.cacheControl,
        .apiCommuneReports: APIList.cacheControl,
    ]

    /// The routes whose answer must be a 200 in this world, so the check is not passed by error pages alone: the
    /// public pages, a citizen's form and suggestion box (a signed token in each), and console and API pages.
    static let mustAnswer: Set<SiteRoute.Template> = [
        .about, .privacy, .landing, .answer, .suggestionBox, .asset, .today, .dashboard, .campaignUnit, .users,
        .communeYear, .apiCampaigns, .apiCommunes, .apiCommune, .apiDays, .apiYearCommune, .apiToday,
        .apiWeeklySuggestions, .apiWeeklySuggestionTopics, .apiSuggestionCounts, .apiDossiers, .apiDossierShares,
        .apiCommuneReports, .apiCommuneReport, .apiRoster, .apiPeriodicReports,
    ]

    @Test func everyGetRouteSaysHowItMayBeCached() async throws {
        let world = try await AccessMatrixTests.World()
        let entries = try Application.routes(world.app.environment).entries.filter { $0.method == .get }
        var answered: Set<SiteRoute.Template> = []
        for entry in entries {
            let template = entry.template
            let response = await world.app.send(
                .get, Self.path(entry, world: world), headers: Self.headers(entry, world))
            let key = "GET \(template.rawValue) (\(response.status.code))"
            let values = response.headers.values(named: "Cache-Control")
            #expect(values.count == 1, "\(key): \(values)")
            if response.status == .ok {
                answered.insert(template)
                #expect(values.first == Self.exceptions[template] ?? CachePolicy.dynamic, "\(key)")
            } else if response.status.code != 304 {
                // An error page, a redirect to the login page: built for this request, never kept (the root's
                // redirect to the public about page excepted).
                #expect(values.first == (template == .root ? CachePolicy.publicPage : CachePolicy.dynamic), "\(key)")
            }
        }
        #expect(Self.mustAnswer.subtracting(answered).isEmpty, "\(Self.mustAnswer.subtracting(answered))")
        #expect(Set(Self.exceptions.keys).isSubset(of: Set(entries.map(\.template))), "exceptions of no route")
        await world.app.close()
    }

    /// HEAD is answered by the GET handler: the same header, no body.
    @Test func headAndErrorPagesCarryItToo() async throws {
        let app = try await TestApp()
        let head = await app.send(.head, SiteRoute.about.path)
        #expect(head.status == .ok)
        #expect(head.headers["Cache-Control"] == "public, max-age=60")
        let missing = await app.get("/khong-co-trang-nay")
        #expect(missing.status == .notFound)
        #expect(missing.headers["Cache-Control"] == "no-store")
        let login = await app.get(SiteRoute.dashboard(campaign: 1).path)
        #expect(login.status == .seeOther)
        #expect(login.headers["Cache-Control"] == "no-store")
        await app.close()
    }

    /// The route's path in the matrix's world: the own side's data, and for the citizen's pages a unit and campaign
    /// that exist (the open campaign over commune 07201).
    static func path(_ entry: RouteTable.Entry, world: AccessMatrixTests.World) -> String {
        let campaign = world.campaigns[.own] ?? 0
        switch entry.template {
        case .answer: return SiteRoute.answer(campaign: campaign, unit: "07201").path
        case .landing: return SiteRoute.landing(unit: "07201").path
        case .suggestionBox: return SiteRoute.suggestionBox(unit: "07201").path
        case .qrImage: return SiteRoute.qrImage(file: "07201.svg").path
        case .asset: return SiteRoute.asset(path: "refresh.js").path
        default: return world.route(entry.template, side: .own, as: account(entry)).path
        }
    }

    /// The account a route is called as: the province where it may, else the district, else the commune; nobody
    /// for an open route.
    static func account(_ entry: RouteTable.Entry) -> String? {
        guard let roles = entry.access.roles else { return nil }
        if roles.contains(.province) { return "tinh24" }
        if roles.contains(.district) { return "huyen213" }
        return "xa07201"
    }

    static func headers(_ entry: RouteTable.Entry, _ world: AccessMatrixTests.World) -> [(String, String)] {
        guard let username = account(entry) else { return [] }
        if entry.template.area == "api" {
            return [("Authorization", "Bearer \(world.tokens[username] ?? "")")]
        }
        guard let browser = world.browsers[username] else { return [] }
        return [browser.cookieHeader]
    }
}
