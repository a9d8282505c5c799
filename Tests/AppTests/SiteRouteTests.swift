import HTTP
import Testing
import Web

@testable import App
@testable import Store

/// Every address the site prints parses back to the same route, and reaches a handler of the router: a link can
/// never point nowhere. The sample switch has no default, so a new route does not compile until it has a sample.
@Suite struct SiteRouteTests {
    static func sample(_ template: SiteRoute.Template) -> SiteRoute {
        switch template {
        case .health: .health
        case .readiness: .readiness
        case .metrics: .metrics
        case .privacy: .privacy
        case .root: .root
        case .about: .about
        case .asset: .asset(path: "fonts/chữ việt.woff2")
        case .landing: .landing(unit: "07210")
        case .kioskLink: .kioskLink(token: "abc.DEF-_")
        case .answer: .answer(campaign: 12, unit: "07210")
        case .thanks: .thanks(campaign: 12, unit: "07210")
        case .suggestionBox: .suggestionBox(unit: "213")
        case .suggestionReceipt: .suggestionReceipt(unit: "213", lookup: "K7M2Q9")
        case .suggestionLookup: .suggestionLookup(unit: "213")
        case .qrSheet: .qrSheet
        case .qrImage: .qrImage(file: "07210.svg")
        case .qrPoster: .qrPoster(unit: "07210")
        case .adminHome: .adminHome
        case .today: .today
        case .adminStylesheet: .adminStylesheet
        case .login: .login
        case .logout: .logout
        case .password: .password
        case .users: .users
        case .resetPassword: .resetPassword(user: 7)
        case .newUser: .newUser
        case .bulkUsers: .bulkUsers
        case .disableUser: .disableUser(user: 7)
        case .enableUser: .enableUser(user: 7)
        case .loginSlip: .loginSlip(slip: 5)
        case .audit: .audit
        case .campaigns: .campaigns
        case .newCampaign: .newCampaign
        case .dashboard: .dashboard(campaign: 3)
        case .campaignUnit: .campaignUnit(campaign: 3, unit: "07210")
        case .unitFlags: .unitFlags(campaign: 3, unit: "07210")
        case .unitTexts: .unitTexts(campaign: 3, unit: "07210")
        case .reviewFlag: .reviewFlag(campaign: 3, unit: "07210", response: 41)
        case .unitDeskHours: .unitDeskHours(unit: "07210")
        case .editCampaign: .editCampaign(campaign: 3)
        case .openCampaign: .openCampaign(campaign: 3)
        case .closeCampaign: .closeCampaign(campaign: 3)
        case .dailyReport: .dailyReport(campaign: 3)
        case .lateEntry: .lateEntry(campaign: 3)
        case .lateEntryOpening: .lateEntryOpening(campaign: 3, opening: 2)
        case .unitReport: .unitReport
        case .lateEntries: .lateEntries
        case .closeLateEntry: .closeLateEntry(opening: 2)
        case .exportXLSX: .exportXLSX(campaign: 3)
        case .exportCSV: .exportCSV(campaign: 3)
        case .printReport: .printReport(campaign: 3)
        case .forms: .forms
        case .newFormVersion: .newFormVersion(form: "PKS05")
        case .newForm: .newForm
        case .suggestionRounds: .suggestionRounds(unit: "07201")
        case .buildForm: .buildForm(form: "DV07201-01")
        case .previewForm: .previewForm(form: "DV07201-01")
        case .kiosk: .kiosk
        case .suggestions: .suggestions
        case .weeklySuggestions: .weeklySuggestions
        case .deskStylesheet: .deskStylesheet
        case .suggestion: .suggestion(id: 41)
        case .replyToSuggestion: .replyToSuggestion(id: 41)
        case .suggestionStatus: .suggestionStatus(id: 41)
        case .suggestionCategory: .suggestionCategory(id: 41)
        case .apiDocument: .apiDocument
        case .apiMe: .apiMe
        case .apiCampaigns: .apiCampaigns
        case .apiCommunes: .apiCommunes(campaign: 3)
        case .apiSummary: .apiSummary(campaign: 3)
        case .apiFlags: .apiFlags(campaign: 3)
        case .apiQuestions: .apiQuestions(campaign: 3)
        case .apiReport: .apiReport(campaign: 3, unit: "07201", date: "2024-06-12")
        case .communeYear: .communeYear(year: 2026, unit: "07210")
        case .yearRankings: .yearRankings(year: 2026)
        case .indexWeights: .indexWeights(year: 2026)
        case .apiYearCommunes: .apiYearCommunes(year: 2026)
        case .apiCommune: .apiCommune(campaign: 3, unit: "07201")
        case .apiDays: .apiDays(campaign: 3)
        case .apiDistricts: .apiDistricts(campaign: 3)
        case .apiSatisfaction: .apiSatisfaction(campaign: 3)
        case .apiYearDistricts: .apiYearDistricts(year: 2026)
        case .apiYearCommune: .apiYearCommune(year: 2026, unit: "07210")
        case .apiToday: .apiToday
        case .apiWeeklySuggestions: .apiWeeklySuggestions
        case .apiWeeklySuggestionTopics: .apiWeeklySuggestionTopics
        case .apiSuggestionCounts: .apiSuggestionCounts
        case .apiDossiers: .apiDossiers(year: 2026)
        case .apiDossierShares: .apiDossierShares(year: 2026)
        case .dossierHome: .dossierHome
        case .dossiers: .dossiers(year: 2026)
        case .dossier: .dossier(year: 2026, unit: "07210")
        case .dossierScores: .dossierScores(year: 2026, unit: "07210")
        case .dossierStep: .dossierStep(year: 2026, unit: "07210")
        case .removeDossierDocument: .removeDossierDocument(year: 2026, unit: "07210", document: 9)
        case .dossierDocuments: .dossierDocuments(year: 2026, unit: "07210")
        case .dossierDocument: .dossierDocument(year: 2026, unit: "07210", document: 9)
        case .dossiersExport: .dossiersExport(year: 2026)
        case .dossiersPrint: .dossiersPrint(year: 2026)
        case .criteriaSets: .criteriaSets
        case .apiTokens: .apiTokens
        case .revokeAPIToken: .revokeAPIToken(id: 5)
        case .criteriaSet: .criteriaSet(id: 4)
        case .copyCriteriaSet: .copyCriteriaSet(id: 4)
        case .communeReports: .communeReports
        case .communeReport: .communeReport(unit: "07210", date: "2026-06-10")
        case .replyToReport: .replyToReport(unit: "07210", date: "2026-06-10")
        case .reportPhotos: .reportPhotos
        case .reportPhoto: .reportPhoto(unit: "07210", date: "2026-06-10", photo: 3)
        case .roster: .roster
        case .removeRosterEntry: .removeRosterEntry(entry: 5)
        case .rosterDeadline: .rosterDeadline
        case .periodicReports: .periodicReports
        case .periodicReportDocument: .periodicReportDocument(report: 6)
        case .apiCommuneReports: .apiCommuneReports
        case .apiCommuneReport: .apiCommuneReport(unit: "07210", date: "2026-06-10")
        case .apiRoster: .apiRoster
        case .apiPeriodicReports: .apiPeriodicReports
        }
    }

    @Test(arguments: SiteRoute.Template.allCases)
    func everyRoutePrintsAndParsesBackToItself(_ template: SiteRoute.Template) throws {
        let route = Self.sample(template)
        #expect(route.template == template)
        let decoded = try #require(route.path.removingPercentEncoding)
        #expect(SiteRoute(path: decoded) == route, "\(route.path)")
        #expect(SiteRoute(template, arguments: route.arguments) == route)
    }

    @Test func literalsWinOverParametersAsInTheRouter() {
        #expect(SiteRoute(path: "/qr/sheet") == .qrSheet)
        #expect(SiteRoute(path: "/admin/campaigns/new") == .newCampaign)
        #expect(SiteRoute(path: "/admin/suggestions/weekly") == .weeklySuggestions)
        #expect(SiteRoute(path: "//admin//campaigns/5/") == .dashboard(campaign: 5))
    }

    @Test func malformedIdentifiersNameNoRoute() {
        for path in [
            "/admin/campaigns/abc", "/admin/campaigns/0/report", "/admin/campaigns/-3", "/admin/users/x/reset",
            "/s/1e3/07210", "/admin/nowhere", "/api/v2/campaigns",
        ] {
            #expect(SiteRoute(path: path) == nil, "\(path)")
        }
    }

    @Test func argumentsArePercentEncodedAndQueriesSkipMissingValues() {
        #expect(SiteRoute.landing(unit: "a b/c").path == "/q/a%20b%2Fc")
        #expect(SiteRoute.asset(path: "fonts/chữ.woff2").path == "/static/fonts/ch%E1%BB%AF.woff2")
        #expect(SiteRoute.qrSheet.href([("district", "213"), ("page", nil)]) == "/qr/sheet?district=213")
        #expect(
            SiteRoute.login.href([("next", "/admin/users?page=2")]) == "/admin/login?next=%2Fadmin%2Fusers%3Fpage%3D2")
    }

    /// Every route the router serves is declared in the route table with a template, and every sample path reaches
    /// its handler (no 404 and no 405 for its declared method).
    @Test func everyDeclaredRouteIsReachableAtItsPrintedPath() async throws {
        let app = try await TestApp()
        let entries = try Application.routes(app.environment).entries
        #expect(Set(entries.map(\.template)) == Set(SiteRoute.Template.allCases), "every template is served")
        for entry in entries where entry.template != .asset {
            let response = await app.send(entry.method, Self.sample(entry.template).path)
            #expect(
                response.status != .notFound || Self.notFoundByData.contains(entry.template),
                "\(entry.method.rawValue) \(entry.template.rawValue)")
            #expect(response.status != .methodNotAllowed, "\(entry.method.rawValue) \(entry.template.rawValue)")
        }
        await app.close()
    }

    /// Open routes whose sample names data the fresh database does not have (an unknown campaign, kiosk token…).
    /// `/metrics` is a 404 for anyone not on loopback without a province token (as TestApp's client is).
    static let notFoundByData: Set<SiteRoute.Template> = [.answer, .thanks, .suggestionReceipt, .qrImage, .metrics]
}
