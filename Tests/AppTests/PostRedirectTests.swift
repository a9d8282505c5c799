import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// Every POST that changes state answers 303 to a page that can be reloaded (or refuses with a 4xx), never a page
/// of its own: generated from the route table, so a new POST route fails here until it is given a valid form.
@Suite struct PostRedirectTests {
    @Test func everyStateChangingPostAnswers303OrA4xxNever200() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        try await app.addUser("xa07201b", role: .commune, unit: "07201")
        // Disabled and enabled again by the matrix (disabling ends an account's sessions: not one signed in here).
        try await app.addUser("xa07201c", role: .commune, unit: "07201")
        // In the daily report window, before anyone signs in (a clock moved later would end the sessions).
        app.clock.set(Double(VietnamTime.instant(ConsoleTests.day, hour: 16, minute: 40)))
        let province = try await app.signIn("tinh24")
        let district = try await app.signIn("huyen213")
        let commune = try await app.signIn("xa07201")
        let ownPassword = try await app.signIn("xa07201b")
        let today = app.clock.today
        let now = app.clock.nowSeconds

        func campaign(_ state: CampaignState) async throws -> Int64 {
            try await app.pool.write { connection in
                var campaign = NewCampaign(
                    formCode: "PKS05", title: "Đợt thử chuyển hướng", startsOn: today, endsOn: today.adding(days: 5))
                campaign.scope = .units(["07201"])
                campaign.state = state
                return try CampaignStore(connection).create(campaign, today: today, now: now)
            }
        }
        let draft = try await campaign(.draft)
        let toOpen = try await campaign(.draft)
        let toClose = try await campaign(.open)
        let suggestion = try await app.pool.write { connection in
            let unit = try #require(try UnitStore(connection).resolve(code: "07201", on: today))
            return try SuggestionStore(connection).add(
                NewSuggestion(
                    unitID: unit.id, topic: nil, text: "Đề nghị niêm yết thủ tục.", senderName: nil,
                    senderPhone: nil, consent: false), now: now
            ).id
        }
        let resetTarget = try await app.userID("xa07201")
        let formVersion = try await app.pool.read { connection -> (base: Int64, question: Int64) in
            let id = try #require(try FormStore(connection).latestVersionID(formCode: "PKS02"))
            let definition = try #require(try FormStore(connection).definition(formVersionID: id))
            return (id, try #require(definition.questions.first).id)
        }
        let campaignForm = [
            ("form", "PKS03"), ("title", "Đợt quý III Yên Thế"), ("starts_on", "2024-07-01"),
            ("ends_on", "2024-07-31"), ("scope", "districts"), ("district", "215"), ("tolerance", "0,3"),
            ("busy_floor", "15"), ("window_start", "16:00"), ("window_end", "17:30"),
        ]

        /// A request a user of the route's roles sends with a valid form.
        /// The browser that sent it, to follow the redirect (nil: anonymous).
        var sender: Browser?
        func send(_ template: SiteRoute.Template) async throws -> HTTPResponse? {
            sender = nil
            func postAs(_ browser: Browser, _ route: SiteRoute, _ form: [(String, String)]) async -> HTTPResponse {
                sender = browser
                return await app.post(route.path, form: form, as: browser, csrf: browser.csrf)
            }
            switch template {
            case .login:
                return try await app.postLogin("huyen215", Accounts.password)
            case .logout:
                return await postAs(ownPassword, .logout, [])
            case .password:
                return await postAs(
                    ownPassword, .password,
                    [("current", Accounts.password), ("new", "mat khau moi 2024"), ("repeat", "mat khau moi 2024")])
            case .resetPassword:
                return await postAs(district, .resetPassword(user: resetTarget), [])
            case .unitReport:
                return await postAs(commune, .unitReport, ConsoleTests.report)
            case .lateEntries:
                return await postAs(
                    district, .lateEntries, [("unit", "07201"), ("date", "2024-06-10"), ("reason", "Mất điện")])
            case .closeLateEntry:
                _ = await postAs(
                    district, .lateEntries, [("unit", "07204"), ("date", "2024-06-10"), ("reason", "Mất điện")])
                let opening = Int64(try await app.scalar("SELECT max(id) FROM late_entry_openings"))
                return await postAs(district, .closeLateEntry(opening: opening), [])
            case .newUser:
                return await postAs(district, .newUser, [("unit", "07204"), ("username", "")])
            case .bulkUsers:
                return await postAs(district, .bulkUsers, [("unit", "07207")])
            case .disableUser:
                return await postAs(district, .disableUser(user: try await app.userID("xa07201c")), [])
            case .enableUser:
                return await postAs(district, .enableUser(user: try await app.userID("xa07201c")), [])
            case .newCampaign:
                return await postAs(province, .newCampaign, campaignForm)
            case .editCampaign:
                return await postAs(province, .editCampaign(campaign: draft), campaignForm)
            case .openCampaign:
                return await postAs(province, .openCampaign(campaign: toOpen), [])
            case .closeCampaign:
                return await postAs(province, .closeCampaign(campaign: toClose), [("confirm", "1")])
            case .dailyReport:
                return await postAs(commune, .dailyReport(campaign: app.demoCampaignID), ConsoleTests.report)
            case .lateEntry:
                return await postAs(
                    district, .lateEntry(campaign: app.demoCampaignID),
                    [("unit", "07201"), ("date", "2024-06-11"), ("reason", "Mất mạng")])
            case .newFormVersion:
                return await postAs(
                    province, .newFormVersion(form: "PKS02"),
                    [("base", String(formVersion.base)), ("q\(formVersion.question)", "Câu hỏi đã sửa lời")])
            case .newForm:
                return await postAs(
                    commune, .newForm, [("code", "DV07201-01"), ("title", "Phiếu của phường"), ("organisation", "")])
            case .buildForm:
                // The commune's form, sent back as rendered with "add a question" pressed.
                _ = await postAs(commune, .newForm, [("code", "DV07201-02"), ("title", "Phiếu thứ hai")])
                let path = SiteRoute.buildForm(form: "DV07201-02").path
                let page = await app.get(path, as: commune)
                let form = try #require(page.document.form(action: path))
                return await postAs(commune, .buildForm(form: "DV07201-02"), form.submission + [("action", "add")])
            case .suggestionRounds:
                return await postAs(
                    commune, .suggestionRounds(unit: "07201"), SuggestionRoundTests.wardRounds + [("between", "1")])
            case .kiosk:
                return await postAs(commune, .kiosk, [("hours", "5")])
            case .replyToSuggestion:
                return await postAs(district, .replyToSuggestion(id: suggestion), [("reply", "Xã đã niêm yết.")])
            case .suggestionStatus:
                return await postAs(district, .suggestionStatus(id: suggestion), [("status", "in_progress")])
            case .suggestionCategory:
                return await postAs(district, .suggestionCategory(id: suggestion), [("category", "ha_tang")])
            case .indexWeights:
                return await postAs(
                    province, .indexWeights(year: 2024), [("weight-PKS05", "1,5"), ("minimum", "20")])
            case .dossierScores:
                try await app.openDossier(year: 2024, code: "07201", as: "xa07201")
                return await postAs(commune, .dossierScores(year: 2024, unit: "07201"), TestApp.selfScores)
            case .dossierStep:
                // The district committee's own dossier: scored, documents present, submitted to the province.
                try await app.openDossier(year: 2024, code: "213", as: "huyen213")
                for kind in ["to_trinh", "bao_cao", "tu_cham"] {
                    try await app.addDossierDocument(year: 2024, code: "213", kind: kind, as: "huyen213")
                }
                let scores = ["1", "2", "3", "4", "6"].map { ("points-\($0)", "8") }
                _ = await postAs(district, .dossierScores(year: 2024, unit: "213"), scores)
                return await postAs(district, .dossierStep(year: 2024, unit: "213"), [("action", "submit")])
            case .revokeAPIToken:
                let token = try await APIWorld.addToken(app, for: "huyen213")
                return await postAs(district, .revokeAPIToken(id: token.id), [])
            case .dossierDocuments:
                try await app.openDossier(year: 2024, code: "07201", as: "xa07201")
                sender = commune
                return await app.upload(
                    SiteRoute.dossierDocuments(year: 2024, unit: "07201").path, kind: "to_trinh",
                    fileName: "to-trinh.pdf", bytes: TestApp.pdfBytes, as: commune)
            case .removeDossierDocument:
                try await app.openDossier(year: 2024, code: "07201", as: "xa07201")
                let document = try await app.addDossierDocument(
                    year: 2024, code: "07201", kind: "dang_ky_mo_hinh", as: "xa07201")
                return await postAs(
                    commune, .removeDossierDocument(year: 2024, unit: "07201", document: document), [])
            case .criteriaSet:
                // The 2026 commune set: no dossier uses it. Sent back as rendered, with a lower pass total.
                let page = await app.get(SiteRoute.criteriaSet(id: 2).path, as: province)
                let form = try #require(page.document.form(action: SiteRoute.criteriaSet(id: 2).path))
                let fields = form.submission.map { $0.0 == "pass_total" ? ($0.0, "75") : $0 }
                return await postAs(province, .criteriaSet(id: 2), fields)
            case .copyCriteriaSet:
                return await postAs(province, .copyCriteriaSet(id: 1), [])
            case .replyToReport:
                _ = await postAs(commune, .unitReport, ConsoleTests.report)
                return await postAs(
                    district, .replyToReport(unit: "07201", date: today.iso), [("body", "Đã nhận, cảm ơn xã.")])
            case .roster:
                return await postAs(
                    commune, .roster,
                    [("name", "Nguyễn Thị Lan"), ("organisation", "Đoàn Thanh niên"), ("days", "Thứ Hai")])
            case .removeRosterEntry:
                let entry = try await app.addRosterEntry(code: "07201", as: "xa07201")
                return await postAs(commune, .removeRosterEntry(entry: entry), [])
            case .rosterDeadline:
                return await postAs(district, .rosterDeadline, [("due_on", today.adding(days: 3).iso)])
            case .periodicReports:
                var body = MultipartBody()
                body.fields = [("csrf", commune.csrf), ("period", "sau_thang")] + PeriodicReportTests.figures
                body.file = ("file", "bao-cao-6-thang.pdf", "application/pdf", TestApp.pdfBytes)
                sender = commune
                return await app.send(
                    .post, SiteRoute.periodicReports.path, body: body.bytes,
                    headers: [("Content-Type", body.contentType), commune.cookieHeader])
            case .reportPhotos:
                sender = commune
                return await app.upload(
                    SiteRoute.reportPhotos.path, kind: "", fileName: "loa.png", type: "image/png",
                    bytes: TestApp.pngBytes, as: commune)
            case .suggestionBox:
                return try await SuggestionTests.send(app, unit: "07201", [("text", "Xin thêm ghế chờ.")])
            case .reviewFlag:
                let campaignID = app.demoCampaignID
                let id = try await app.pool.write { connection in
                    let unit = try #require(try UnitStore(connection).resolve(code: "07201", on: today))
                    // Sent at 05:00: outside the desk hours, so the scan flags it.
                    return try FlagWriter(connection: connection, campaignID: campaignID).answer(
                        unitID: unit.id, at: VietnamTime.instant(today, hour: 5, minute: 0))
                }
                await app.environment.flagScanner.scan()
                return await postAs(
                    province, .reviewFlag(campaign: campaignID, unit: "07201", response: id), [("action", "confirm")])
            case .unitDeskHours:
                return await postAs(
                    province, .unitDeskHours(unit: "07204"),
                    (1...5).map { ("d\($0)", "07:00-11:30, 13:30-17:00") } + [("d6", "07:00-11:30, 13:30-16:30")])
            case .answer:
                let path = SiteRoute.answer(campaign: app.demoCampaignID, unit: "07201").path
                let page = await app.get(path)
                let fields = [("token", try #require(page.hiddenField("token")))]
                app.clock.advance(by: 30)
                return await app.post(path, form: fields + (try await AnswerFlowTests.validAnswers(app)))
            default:
                return nil
            }
        }

        let posts = try Application.routes(app.environment).entries.filter { $0.method == .post }
        #expect(posts.count >= 17)
        // A reset, a password change and a logout end sessions: they go last.
        let last: [SiteRoute.Template] = [.resetPassword, .password, .logout]
        for entry in posts.sorted(by: {
            (last.firstIndex(of: $0.template) ?? -1) < (last.firstIndex(of: $1.template) ?? -1)
        }) {
            let name = "POST \(entry.template.rawValue)"
            guard let response = try await send(entry.template) else {
                Issue.record("\(name): give it a valid form in PostRedirectTests.send")
                continue
            }
            let code = response.status.code
            #expect(
                entry.template == .logout || response.location?.hasPrefix(SiteRoute.login.path) != true,
                "\(name) was sent to the login page: its session ended before it")
            #expect(code != 200, "\(name) answered a page: reloading it would send the form again")
            #expect(code == 303, "\(name) with a valid form: \(code)")
            // The page it leads to can be reloaded: a GET that answers.
            if code == 303, let location = response.location, entry.template != .logout, entry.template != .login {
                let browser = sender
                let page = if let browser { await app.get(location, as: browser) } else { await app.get(location) }
                #expect([200, 303].contains(page.status.code), "\(name) → \(location): \(page.status.code)")
            }
        }
        await app.close()
    }
}
