import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// Who may do what, generated from the route table: every console page and API endpoint × anonymous and the three
/// roles × a resource of the user's own unit, of another unit, and a draft campaign of their own unit → the
/// expected outcome. The expectations are written here by hand (`expected`), independently of the table, so a new
/// route without an expectation fails, and so does a route whose declared roles change without this file.
@Suite struct AccessMatrixTests {
    enum Outcome: String, CustomStringConvertible {
        /// The handler ran (any answer but the refusals below).
        case allowed
        /// Sent to the login page (console) or 401 (API).
        case signIn
        /// 403.
        case denied
        /// 404: the resource does not exist for this user (a draft below the province).
        case hidden

        var description: String { rawValue }
    }

    /// Whose resource a request names.
    enum Side: CaseIterable {
        case own
        case other
        case draft
    }

    /// The roles a route admits, and whether it names a campaign, suggestion or account that belongs to a unit.
    struct Expectation {
        let roles: Set<Role>
        let scoped: Bool
        /// Names a campaign (so a draft is hidden from districts and communes).
        let campaign: Bool
        /// Changes a campaign: only its owner and the province. Every campaign of the matrix is the province's, so a
        /// district or commune is refused on every side (the draft hidden); owners are tested in
        /// CampaignOwnershipTests.
        var managed = false
    }

    static let all = Access.anyRole, managers = Access.managers, province = Access.provinceOnly

    /// The hand-written rule of every console page and API endpoint ("METHOD template").
    static let expected: [String: Expectation] = [
        "GET /admin": .init(roles: all, scoped: false, campaign: false),
        "GET /admin/today": .init(roles: all, scoped: false, campaign: false),
        "POST /admin/logout": .init(roles: all, scoped: false, campaign: false),
        "GET /admin/password": .init(roles: all, scoped: false, campaign: false),
        "POST /admin/password": .init(roles: all, scoped: false, campaign: false),
        "GET /admin/users": .init(roles: managers, scoped: false, campaign: false),
        "POST /admin/users/:id/reset": .init(roles: managers, scoped: true, campaign: false),
        "GET /admin/users/:id/reset": .init(roles: managers, scoped: true, campaign: false),
        "GET /admin/users/new": .init(roles: managers, scoped: false, campaign: false),
        "POST /admin/users/new": .init(roles: managers, scoped: false, campaign: false),
        "GET /admin/users/bulk": .init(roles: managers, scoped: false, campaign: false),
        "POST /admin/users/bulk": .init(roles: managers, scoped: false, campaign: false),
        "POST /admin/users/:id/disable": .init(roles: managers, scoped: true, campaign: false),
        "POST /admin/users/:id/enable": .init(roles: managers, scoped: true, campaign: false),
        // A slip is readable by the user who made it only: each user reads its own (see `World.slips`).
        "GET /admin/users/slips/:slip": .init(roles: managers, scoped: false, campaign: false),
        "GET /admin/audit": .init(roles: province, scoped: false, campaign: false),
        "GET /admin/campaigns": .init(roles: all, scoped: false, campaign: false),
        // Every role creates campaigns it owns (a district for its communes, a commune for itself).
        "GET /admin/campaigns/new": .init(roles: all, scoped: false, campaign: false),
        "POST /admin/campaigns/new": .init(roles: all, scoped: false, campaign: false),
        "GET /admin/campaigns/:campaign": .init(roles: all, scoped: true, campaign: true),
        // A unit's page: own is commune 07201 in the own campaign, other 07243 in the other district's campaign.
        "GET /admin/campaigns/:campaign/units/:code": .init(roles: all, scoped: true, campaign: true),
        // Flagged answers: the province and the unit's district read them, only the province reviews them.
        "GET /admin/campaigns/:campaign/units/:code/flags": .init(roles: managers, scoped: true, campaign: true),
        // Free-text answers: the province and the unit's district, never the commune (comments on its own staff).
        "GET /admin/campaigns/:campaign/units/:code/texts": .init(roles: managers, scoped: true, campaign: true),
        "POST /admin/campaigns/:campaign/units/:code/flags/:response": .init(
            roles: province, scoped: true, campaign: true),
        "GET /admin/units/:code/desk-hours": .init(roles: province, scoped: false, campaign: false),
        // A unit's suggestion rounds: the unit, its district, the province (own 07201, other 07243).
        "GET /admin/units/:code/rounds": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/units/:code/rounds": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/units/:code/desk-hours": .init(roles: province, scoped: false, campaign: false),
        "GET /admin/campaigns/:campaign/edit": .init(roles: all, scoped: true, campaign: true, managed: true),
        "POST /admin/campaigns/:campaign/edit": .init(roles: all, scoped: true, campaign: true, managed: true),
        "POST /admin/campaigns/:campaign/open": .init(roles: all, scoped: true, campaign: true, managed: true),
        "GET /admin/campaigns/:campaign/close": .init(roles: all, scoped: true, campaign: true, managed: true),
        "POST /admin/campaigns/:campaign/close": .init(roles: all, scoped: true, campaign: true, managed: true),
        "GET /admin/campaigns/:campaign/report": .init(roles: [.district, .commune], scoped: true, campaign: true),
        "POST /admin/campaigns/:campaign/report": .init(roles: [.district, .commune], scoped: true, campaign: true),
        "POST /admin/campaigns/:campaign/late": .init(roles: managers, scoped: true, campaign: true),
        "GET /admin/campaigns/:campaign/late/:opening": .init(roles: managers, scoped: true, campaign: true),
        "GET /admin/report": .init(roles: [.district, .commune], scoped: false, campaign: false),
        "POST /admin/report": .init(roles: [.district, .commune], scoped: false, campaign: false),
        "GET /admin/late": .init(roles: managers, scoped: false, campaign: false),
        "POST /admin/late": .init(roles: managers, scoped: false, campaign: false),
        "POST /admin/late/:opening/close": .init(roles: managers, scoped: true, campaign: false),
        "GET /admin/campaigns/:campaign/export.xlsx": .init(roles: all, scoped: true, campaign: true),
        "GET /admin/campaigns/:campaign/export.csv": .init(roles: all, scoped: true, campaign: true),
        "GET /admin/campaigns/:campaign/print": .init(roles: all, scoped: true, campaign: true),
        "GET /admin/forms": .init(roles: all, scoped: false, campaign: false),
        "GET /admin/forms/new": .init(roles: all, scoped: false, campaign: false),
        "POST /admin/forms/new": .init(roles: all, scoped: false, campaign: false),
        // A unit's form: own is the user's unit's form (the province: a standard one), other is commune 07243's.
        "GET /admin/forms/:code/build": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/forms/:code/build": .init(roles: all, scoped: true, campaign: false),
        "GET /admin/forms/:code/preview": .init(roles: all, scoped: true, campaign: false),
        "GET /admin/forms/:code/new-version": .init(roles: province, scoped: false, campaign: false),
        "POST /admin/forms/:code/new-version": .init(roles: province, scoped: false, campaign: false),
        "GET /admin/kiosk": .init(roles: [.district, .commune], scoped: false, campaign: false),
        "POST /admin/kiosk": .init(roles: [.district, .commune], scoped: false, campaign: false),
        "GET /admin/suggestions": .init(roles: all, scoped: false, campaign: false),
        // A commune reads its own box's week (issue 14), a district its scope's, the province all.
        "GET /admin/suggestions/weekly": .init(roles: all, scoped: false, campaign: false),
        "GET /admin/suggestions/:id": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/suggestions/:id/reply": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/suggestions/:id/status": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/suggestions/:id/category": .init(roles: all, scoped: true, campaign: false),
        // A commune's year: own is commune 07201 (district 213), other 07243 (district 215); by code, no campaign.
        "GET /admin/years/:year/communes/:code": .init(roles: all, scoped: true, campaign: false),
        "GET /admin/years/:year/rankings": .init(roles: all, scoped: false, campaign: false),
        "POST /admin/years/:year/weights": .init(roles: province, scoped: false, campaign: false),
        "GET /api/v1/years/:year/communes": .init(roles: all, scoped: false, campaign: false),
        // The recognition dossier: own is commune 07201's dossier of the year (district 213), other 07243's
        // (district 215); both started, each with documents. The commune is sent from the list to its own dossier.
        // Each account's own API tokens; the matrix revokes a spare token of the signed-in account.
        "GET /admin/tokens": .init(roles: all, scoped: false, campaign: false),
        "POST /admin/tokens/:id/revoke": .init(roles: all, scoped: false, campaign: false),
        "GET /admin/dossiers": .init(roles: all, scoped: false, campaign: false),
        "GET /admin/dossiers/:year": .init(roles: all, scoped: false, campaign: false),
        "GET /admin/dossiers/:year/:code": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/dossiers/:year/:code/scores": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/dossiers/:year/:code/step": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/dossiers/:year/:code/documents/:id/remove": .init(roles: all, scoped: true, campaign: false),
        // Uploads (the matrix's body is not multipart: 415 once scope and state let the user in) and downloads.
        "POST /admin/dossiers/:year/:code/documents": .init(roles: all, scoped: true, campaign: false),
        "GET /admin/dossiers/:year/:code/documents/:id": .init(roles: all, scoped: true, campaign: false),
        "GET /admin/dossiers/:year/export.xlsx": .init(roles: managers, scoped: false, campaign: false),
        "GET /admin/dossiers/:year/print": .init(roles: managers, scoped: false, campaign: false),
        "GET /admin/criteria": .init(roles: province, scoped: false, campaign: false),
        "GET /admin/criteria/:id": .init(roles: province, scoped: false, campaign: false),
        "POST /admin/criteria/:id": .init(roles: province, scoped: false, campaign: false),
        "POST /admin/criteria/:id/copy": .init(roles: province, scoped: false, campaign: false),
        // Reading the communes' daily reports (issue 15): own is 07201's report of today (filed, with a photo),
        // other 07243's. The list is the user's scope; a commune reads its own report page, never replies.
        "GET /admin/reports": .init(roles: managers, scoped: false, campaign: false),
        "GET /admin/reports/:code/:date": .init(roles: all, scoped: true, campaign: false),
        "POST /admin/reports/:code/:date/reply": .init(roles: managers, scoped: true, campaign: false),
        // One photo for the user's own unit (the matrix's body is not multipart: 415 once the day allows it).
        "POST /admin/report/photos": .init(roles: [.district, .commune], scoped: false, campaign: false),
        "GET /admin/reports/:code/:date/photos/:id": .init(roles: all, scoped: true, campaign: false),
        // The helper roster: every role reads its page; a commune lists and removes its own people (own: entries of
        // 07201, other: 07243's), a district sets its deadline.
        "GET /admin/roster": .init(roles: all, scoped: false, campaign: false),
        "POST /admin/roster": .init(roles: [.commune], scoped: false, campaign: false),
        "POST /admin/roster/:id/remove": .init(roles: [.commune], scoped: true, campaign: false),
        "POST /admin/roster/deadline": .init(roles: [.district], scoped: false, campaign: false),
        // Periodic reports: every role reads its page; a commune or district files (not multipart here: 415); a
        // document is read by its unit and those above (own: 07201's six-month report, other: 07243's).
        "GET /admin/periodic-reports": .init(roles: all, scoped: false, campaign: false),
        "POST /admin/periodic-reports": .init(roles: [.district, .commune], scoped: false, campaign: false),
        "GET /admin/periodic-reports/:id": .init(roles: all, scoped: true, campaign: false),
        "GET /api/v1/me": .init(roles: all, scoped: false, campaign: false),
        "GET /api/v1/campaigns": .init(roles: all, scoped: false, campaign: false),
        "GET /api/v1/campaigns/:id/communes": .init(roles: all, scoped: true, campaign: true),
        "GET /api/v1/campaigns/:id/summary": .init(roles: all, scoped: true, campaign: true),
        "GET /api/v1/campaigns/:id/flags": .init(roles: managers, scoped: true, campaign: true),
        "GET /api/v1/campaigns/:id/questions": .init(roles: all, scoped: true, campaign: true),
        "PUT /api/v1/campaigns/:id/communes/:code/reports/:date": .init(
            roles: [.commune], scoped: true, campaign: true),
        // One unit in a campaign (own 07201 in the own campaign, other 07243 in the other district's campaign) and
        // the campaign's answers per day over the caller's scope, as the unit's page and the dashboard's chart.
        "GET /api/v1/campaigns/:id/communes/:code": .init(roles: all, scoped: true, campaign: true),
        "GET /api/v1/campaigns/:id/days": .init(roles: all, scoped: true, campaign: true),
        // The roll-up per district: the province all, a district its own line; a commune is refused.
        "GET /api/v1/campaigns/:id/districts": .init(roles: managers, scoped: true, campaign: true),
        "GET /api/v1/campaigns/:id/satisfaction": .init(roles: all, scoped: true, campaign: true),
        // The districts' year lines of the caller's scope, like the rankings page (no unit named).
        "GET /api/v1/years/:year/districts": .init(roles: all, scoped: false, campaign: false),
        // A commune's year by code, like its page (own 07201, other 07243).
        "GET /api/v1/years/:year/communes/:code": .init(roles: all, scoped: true, campaign: false),
        // Today's reports of the caller's own scope (no parameter: nothing of another unit is named).
        "GET /api/v1/today": .init(roles: all, scoped: false, campaign: false),
        // The suggestion desk's week of the caller's own scope, like the weekly summary page (no unit named); the
        // desk list's per-box counts for district and province, like its overview.
        "GET /api/v1/suggestions/weekly": .init(roles: all, scoped: false, campaign: false),
        "GET /api/v1/suggestions/weekly/topics": .init(roles: all, scoped: false, campaign: false),
        "GET /api/v1/suggestions/counts": .init(roles: managers, scoped: false, campaign: false),
        // The year's dossier list and its shares recognised, for the managers like the page (no unit named: the
        // caller's own scope).
        "GET /api/v1/years/:year/dossiers": .init(roles: managers, scoped: false, campaign: false),
        "GET /api/v1/years/:year/dossiers/shares": .init(roles: managers, scoped: false, campaign: false),
        // The reading of reports through the API, as the pages: the day's list is the managers' scope; one unit's day
        // (own 07201's of today, other 07243's) every role's within its scope; the roster and periodic reports are
        // the caller's own scope (no unit named).
        "GET /api/v1/reports": .init(roles: managers, scoped: false, campaign: false),
        "GET /api/v1/reports/:code/:date": .init(roles: all, scoped: true, campaign: false),
        "GET /api/v1/roster": .init(roles: all, scoped: false, campaign: false),
        "GET /api/v1/periodic-reports": .init(roles: all, scoped: false, campaign: false),
    ]

    /// The only console and API addresses that need no login: the API's document is read before a token exists.
    static let openConsoleRoutes: Set<String> = [
        "GET /admin/login", "POST /admin/login", "GET /admin/admin.css", "GET /admin/desk.css",
        "GET /api/v1/openapi.json",
    ]

    /// The account of each role, in district 213 ("own" is commune 07201 of it and the district's desk; "other" is
    /// commune 07243 of district 215).
    static let users: [(name: String, role: Role)] = [
        ("tinh24", .province), ("huyen213", .district), ("xa07201", .commune),
    ]

    /// The outcome a rule predicts for one role and side.
    static func outcome(_ rule: Expectation, role: Role, side: Side) -> Outcome {
        guard rule.roles.contains(role) else { return .denied }
        if rule.managed && role != .province { return side == .draft ? .hidden : .denied }
        if role == .province || !rule.scoped { return .allowed }
        switch side {
        case .own: return .allowed
        case .other: return .denied
        case .draft: return rule.campaign ? .hidden : .allowed
        }
    }

    @Test func everyConsolePageAndAPIEndpointAnswersAsExpected() async throws {
        let world = try await World()
        let entries = try Application.routes(world.app.environment).entries
        let guarded = entries.filter { $0.template.area == "admin" || $0.template.area == "api" }
        var seen: Set<String> = []
        // The province opens and closes the matrix's campaigns: on the routes that change a campaign its requests
        // wait until every other request has been sent, so the others meet the draft still a draft.
        var deferred: [(entry: RouteTable.Entry, rule: Expectation)] = []
        func check(_ entry: RouteTable.Entry, rule: Expectation, users: [(name: String, role: Role)]) async {
            let key = "\(entry.method.rawValue) \(entry.template.rawValue)"
            for user in users {
                // A logout ends the session: once per user.
                for side in entry.template == .logout ? [.own] : Side.allCases {
                    let actual = await world.send(entry, side: side, as: user.name)
                    let wanted = Self.outcome(rule, role: user.role, side: side)
                    #expect(actual == wanted, "\(user.name) \(side) \(key)")
                }
            }
        }
        // Logging out ends the session the later requests use: it goes last.
        for entry in guarded.sorted(by: { ($0.template == .logout ? 1 : 0) < ($1.template == .logout ? 1 : 0) }) {
            let key = "\(entry.method.rawValue) \(entry.template.rawValue)"
            seen.insert(key)
            if case .open = entry.access {
                #expect(Self.openConsoleRoutes.contains(key), "\(key) is open to anyone: say so in openConsoleRoutes")
                continue
            }
            guard let rule = Self.expected[key] else {
                Issue.record("\(key) has no expectation in AccessMatrixTests.expected")
                continue
            }
            if entry.template == .logout {
                for (entry, rule) in deferred {
                    await check(entry, rule: rule, users: Self.users.filter { $0.role == .province })
                }
                deferred = []
            }
            #expect(entry.access.roles == rule.roles, "\(key): declared roles differ from the expectation")
            let anonymous = await world.send(entry, side: .own, as: nil)
            #expect(anonymous == .signIn, "anonymous \(key)")
            if rule.managed { deferred.append((entry, rule)) }
            await check(entry, rule: rule, users: Self.users.filter { !rule.managed || $0.role != .province })
        }
        #expect(deferred.isEmpty, "the logout route comes last and sends the province's deferred requests")
        #expect(Set(Self.expected.keys).subtracting(seen).isEmpty, "expectations for routes that no longer exist")
        await world.app.close()
    }

    /// The routes outside `/admin` and `/api` that this matrix does not enumerate but whose access is a rule of its
    /// own: `/readyz` and `/rieng-tu` are open; `/metrics` answers loopback or a province token and hides itself (404)
    /// from everyone else, whichever role's token they carry.
    @Test func operationsRoutesAnswerAsExpected() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let entries = try Application.routes(app.environment).entries
        for template in [SiteRoute.Template.readiness, .metrics, .privacy] {
            let entry = try #require(entries.first { $0.template == template })
            #expect(entry.access == .open, "\(template.rawValue)")
        }
        #expect(await app.get("/readyz").status == .ok)
        #expect(await app.get("/rieng-tu").status == .ok)
        #expect(await app.get("/metrics").status == .notFound, "anonymous, not on loopback")
        for user in Accounts.all {
            let token = try await APIWorld.addToken(app, for: user.username).token
            let status = await app.get("/metrics", headers: [("Authorization", "Bearer \(token)")]).status
            #expect(status == (user.role == .province ? .ok : .notFound), "\(user.username) \(user.role)")
        }
        await app.close()
    }

    /// The standard accounts with a token each, two open campaigns (one of district 213's commune 07201 and desk,
    /// one of district 215's commune 07243 and desk), a draft over 07201, a suggestion in each commune and an extra
    /// commune account in each, whose passwords the matrix resets.
    final class World: Sendable {
        let app: TestApp
        let browsers: [String: Browser]
        let tokens: [String: String]
        /// A second token of each account, for the revoke route (revoking `tokens` would end the API checks).
        let spareTokens: [String: Int64]
        let campaigns: [Side: Int64]
        let suggestions: [Side: Int64]
        let accounts: [Side: Int64]
        let openings: [Side: Int64]
        /// A login slip made by each manager (a slip is readable by its maker only).
        let slips: [String: Int64]
        /// A document of each side's dossier (own and draft: two of 07201's, which the commune removes in turn).
        let documents: [Side: Int64]
        /// Another document of each side's dossier that nothing removes, for the download route.
        let downloads: [Side: Int64]
        /// A photo of each side's unit today (own and draft: 07201's).
        let photos: [Side: Int64]
        /// A roster entry of each side's commune (own and draft: two of 07201's, which the commune removes in turn).
        let rosterEntries: [Side: Int64]
        /// A six-month report of each side's commune.
        let periodicReports: [Side: Int64]

        init() async throws {
            let app = try await TestApp()
            self.app = app
            try await app.addStandardUsers()
            let ownAccount = try await app.addUser("xa07201b", role: .commune, unit: "07201")
            let otherAccount = try await app.addUser("xa07243b", role: .commune, unit: "07243")
            accounts = [.own: ownAccount, .other: otherAccount, .draft: ownAccount]
            var browsers: [String: Browser] = [:]
            var tokens: [String: String] = [:]
            for user in AccessMatrixTests.users {
                browsers[user.name] = try await app.signIn(user.name)
                tokens[user.name] = try await APIWorld.addToken(app, for: user.name).token
            }
            self.browsers = browsers
            self.tokens = tokens
            var spareTokens: [String: Int64] = [:]
            for user in AccessMatrixTests.users {
                spareTokens[user.name] = try await APIWorld.addToken(app, for: user.name).id
            }
            self.spareTokens = spareTokens
            let today = app.clock.today
            func campaign(_ units: [String], _ state: CampaignState) async throws -> Int64 {
                try await app.pool.write { connection in
                    var campaign = NewCampaign(
                        formCode: "PKS05", title: "Đợt kiểm tra quyền", startsOn: today,
                        endsOn: today.adding(days: 5))
                    campaign.scope = .units(units)
                    campaign.state = state
                    return try CampaignStore(connection).create(campaign, today: today, now: 0)
                }
            }
            campaigns = [
                .own: try await campaign(["07201", "213"], .open),
                .other: try await campaign(["07243", "215"], .open),
                .draft: try await campaign(["07201", "213"], .draft),
            ]
            let now = app.clock.nowSeconds
            func suggestion(_ code: String) async throws -> Int64 {
                try await app.pool.write { connection in
                    let unit = try #require(try UnitStore(connection).resolve(code: code, on: today))
                    return try SuggestionStore(connection).add(
                        NewSuggestion(
                            unitID: unit.id, topic: nil, text: "Đề nghị niêm yết thủ tục rõ hơn.",
                            senderName: nil, senderPhone: nil, consent: false), now: now
                    ).id
                }
            }
            let ownSuggestion = try await suggestion("07201")
            suggestions = [.own: ownSuggestion, .other: try await suggestion("07243"), .draft: ownSuggestion]
            // Stored as they are, so the draft has one too (the store opens late entry only where reports go).
            let campaignIDs = campaigns
            func opening(_ side: Side, _ code: String) async throws -> Int64 {
                let campaign = campaignIDs[side] ?? 0
                return try await app.pool.write { connection in
                    let unit = try #require(try UnitStore(connection).resolve(code: code, on: today))
                    try connection.run(
                        """
                        INSERT INTO late_entry_openings (campaign_id, unit_id, local_date, reason, opened_by,
                                                         opened_at, until)
                        VALUES (?, ?, ?, 'Mất điện', 1, ?, ?)
                        """, [campaign, unit.id, today.iso, now, now + 86_400])
                    return connection.lastInsertRowID
                }
            }
            openings = [
                .own: try await opening(.own, "07201"), .other: try await opening(.other, "07243"),
                .draft: try await opening(.draft, "07201"),
            ]
            var slips: [String: Int64] = [:]
            for maker in ["tinh24", "huyen213"] {
                let makerID = try await app.userID(maker)
                let secret = app.secret
                slips[maker] = try await app.pool.write { connection in
                    try LoginSlipStore(connection, secret: secret).create(
                        actorID: makerID, entries: [(makerID, "abcd-efgh-jkmn")], now: now)
                }
            }
            self.slips = slips
            for (code, owner) in Self.unitForms {
                try await app.pool.write { connection in
                    let document = FormDocument(
                        code: code, title: "Mẫu của \(owner)", owner: owner, organisation: "", respondents: "citizens",
                        unitLevels: ["commune"], intro: "",
                        questions: [FormBuilderInput.newQuestion(code: "q1", number: 1)])
                    _ = try FormDocumentStore(connection).save(document, owner: owner, now: now)
                }
            }
            let year = today.year
            try await app.openDossier(year: year, code: "07201", as: "xa07201")
            try await app.openDossier(year: year, code: "07243", as: "xa07243")
            documents = [
                .own: try await app.addDossierDocument(year: year, code: "07201", kind: "to_trinh", as: "xa07201"),
                .draft: try await app.addDossierDocument(year: year, code: "07201", kind: "bao_cao", as: "xa07201"),
                .other: try await app.addDossierDocument(year: year, code: "07243", kind: "to_trinh", as: "xa07243"),
            ]
            let ownDownload = try await app.addDossierDocument(
                year: year, code: "07201", kind: "tu_cham", as: "xa07201", name: "tu-cham.pdf")
            downloads = [
                .own: ownDownload, .draft: ownDownload,
                .other: try await app.addDossierDocument(
                    year: year, code: "07243", kind: "tu_cham", as: "xa07243", name: "tu-cham.pdf"),
            ]
            let ownPhoto = try await app.addReportPhoto(code: "07201", date: today, as: "xa07201")
            photos = [
                .own: ownPhoto, .draft: ownPhoto,
                .other: try await app.addReportPhoto(code: "07243", date: today, as: "xa07243"),
            ]
            rosterEntries = [
                .own: try await app.addRosterEntry(code: "07201", as: "xa07201"),
                .draft: try await app.addRosterEntry(code: "07201", as: "xa07201"),
                .other: try await app.addRosterEntry(code: "07243", as: "xa07243"),
            ]
            let ownReport = try await app.addPeriodicReport(code: "07201", as: "xa07201")
            periodicReports = [
                .own: ownReport, .draft: ownReport,
                .other: try await app.addPeriodicReport(code: "07243", as: "xa07243"),
            ]
        }

        /// The forms of the matrix: one of each unit of the accounts and one of commune 07243 (the other side).
        static let unitForms = ["DV213": "213", "DV07201": "07201", "DV07243": "07243"]

        static func formCode(side: Side, as username: String?) -> String {
            switch (side, username) {
            case (.other, _): "DV07243"
            case (_, "huyen213"): "DV213"
            case (_, "xa07201"): "DV07201"
            default: "PKS02"
            }
        }

        func route(_ template: SiteRoute.Template, side: Side, as username: String?) -> SiteRoute {
            let campaign = campaigns[side] ?? 0
            let suggestion = suggestions[side] ?? 0
            let unit = side == .other ? "07243" : "07201"
            switch template {
            case .dashboard: return .dashboard(campaign: campaign)
            case .campaignUnit: return .campaignUnit(campaign: campaign, unit: unit)
            case .unitFlags: return .unitFlags(campaign: campaign, unit: unit)
            case .unitTexts: return .unitTexts(campaign: campaign, unit: unit)
            case .reviewFlag: return .reviewFlag(campaign: campaign, unit: unit, response: 1)
            case .unitDeskHours: return .unitDeskHours(unit: unit)
            case .suggestionRounds: return .suggestionRounds(unit: unit)
            case .editCampaign: return .editCampaign(campaign: campaign)
            case .openCampaign: return .openCampaign(campaign: campaign)
            case .closeCampaign: return .closeCampaign(campaign: campaign)
            case .dailyReport: return .dailyReport(campaign: campaign)
            case .lateEntry: return .lateEntry(campaign: campaign)
            case .lateEntryOpening: return .lateEntryOpening(campaign: campaign, opening: openings[side] ?? 0)
            case .closeLateEntry: return .closeLateEntry(opening: openings[side] ?? 0)
            case .exportXLSX: return .exportXLSX(campaign: campaign)
            case .exportCSV: return .exportCSV(campaign: campaign)
            case .printReport: return .printReport(campaign: campaign)
            case .resetPassword: return .resetPassword(user: accounts[side] ?? 0)
            case .disableUser: return .disableUser(user: accounts[side] ?? 0)
            case .enableUser: return .enableUser(user: accounts[side] ?? 0)
            case .loginSlip: return .loginSlip(slip: slips[username ?? ""] ?? slips["tinh24"] ?? 0)
            case .suggestion: return .suggestion(id: suggestion)
            case .replyToSuggestion: return .replyToSuggestion(id: suggestion)
            case .suggestionStatus: return .suggestionStatus(id: suggestion)
            case .suggestionCategory: return .suggestionCategory(id: suggestion)
            case .newFormVersion: return .newFormVersion(form: "PKS02")
            case .buildForm: return .buildForm(form: Self.formCode(side: side, as: username))
            case .previewForm: return .previewForm(form: Self.formCode(side: side, as: username))
            case .apiCommunes: return .apiCommunes(campaign: campaign)
            case .apiSummary: return .apiSummary(campaign: campaign)
            case .apiFlags: return .apiFlags(campaign: campaign)
            case .apiQuestions: return .apiQuestions(campaign: campaign)
            case .apiReport: return .apiReport(campaign: campaign, unit: unit, date: app.clock.today.iso)
            case .communeYear: return .communeYear(year: app.clock.today.year, unit: unit)
            case .yearRankings: return .yearRankings(year: app.clock.today.year)
            case .indexWeights: return .indexWeights(year: app.clock.today.year)
            case .apiYearCommunes: return .apiYearCommunes(year: app.clock.today.year)
            case .apiCommune: return .apiCommune(campaign: campaign, unit: unit)
            case .apiDays: return .apiDays(campaign: campaign)
            case .apiDistricts: return .apiDistricts(campaign: campaign)
            case .apiSatisfaction: return .apiSatisfaction(campaign: campaign)
            case .apiYearDistricts: return .apiYearDistricts(year: app.clock.today.year)
            case .apiYearCommune: return .apiYearCommune(year: app.clock.today.year, unit: unit)
            case .apiDossiers: return .apiDossiers(year: app.clock.today.year)
            case .apiDossierShares: return .apiDossierShares(year: app.clock.today.year)
            case .dossiers: return .dossiers(year: app.clock.today.year)
            case .dossier: return .dossier(year: app.clock.today.year, unit: unit)
            case .dossierScores: return .dossierScores(year: app.clock.today.year, unit: unit)
            case .dossierStep: return .dossierStep(year: app.clock.today.year, unit: unit)
            case .removeDossierDocument:
                return .removeDossierDocument(year: app.clock.today.year, unit: unit, document: documents[side] ?? 0)
            case .dossierDocuments: return .dossierDocuments(year: app.clock.today.year, unit: unit)
            case .dossierDocument:
                return .dossierDocument(year: app.clock.today.year, unit: unit, document: downloads[side] ?? 0)
            case .revokeAPIToken: return .revokeAPIToken(id: spareTokens[username ?? ""] ?? 0)
            case .dossiersExport: return .dossiersExport(year: app.clock.today.year)
            case .dossiersPrint: return .dossiersPrint(year: app.clock.today.year)
            case .communeReport: return .communeReport(unit: unit, date: app.clock.today.iso)
            case .replyToReport: return .replyToReport(unit: unit, date: app.clock.today.iso)
            case .periodicReportDocument: return .periodicReportDocument(report: periodicReports[side] ?? 0)
            case .removeRosterEntry: return .removeRosterEntry(entry: rosterEntries[side] ?? 0)
            case .reportPhoto: return .reportPhoto(unit: unit, date: app.clock.today.iso, photo: photos[side] ?? 0)
            case .apiCommuneReport: return .apiCommuneReport(unit: unit, date: app.clock.today.iso)
            default: return SiteRouteTests.sample(template)
            }
        }

        func send(_ entry: RouteTable.Entry, side: Side, as username: String?) async -> Outcome {
            let path = route(entry.template, side: side, as: username).path
            var headers: [(String, String)] = []
            var body: [UInt8] = []
            if entry.template.area == "api" {
                if let username { headers.append(("Authorization", "Bearer \(tokens[username] ?? "")")) }
                if entry.method == .put {
                    body = Array(#"{"visitors": 3, "guided": 1, "volunteers": 0}"#.utf8)
                    headers.append(("Content-Type", "application/json"))
                }
            } else if let username, let browser = browsers[username] {
                headers.append(browser.cookieHeader)
                if entry.method != .get { headers.append(("X-CSRF-Token", browser.csrf)) }
            }
            if entry.method == .post { headers.append(("Content-Type", "application/x-www-form-urlencoded")) }
            let response = await app.send(entry.method, path, body: body, headers: headers)
            switch response.status.code {
            case 401: return .signIn
            // To the login page without ending a session (a logout's redirect clears the cookie: it was allowed).
            case 303
            where response.location?.hasPrefix(SiteRoute.login.path) == true
                && response.headers.values(named: "Set-Cookie").isEmpty:
                return .signIn
            case 403: return .denied
            case 404: return .hidden
            default: return .allowed
            }
        }
    }
}
