import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The citizen's landing page, thanks page and question labels.
@Suite struct CitizenPagesTests {
    /// A PKS01 campaign (officials) and a PKS05 campaign (citizens) open at 07210 beside the demo's PKS02.
    static func campaigns(_ app: TestApp) async throws -> (officials: Int64, oneStop: Int64) {
        let today = app.clock.today
        func campaign(_ form: String, _ title: String) async throws -> Int64 {
            try await app.pool.write { connection in
                var campaign = NewCampaign(
                    formCode: form, title: title, startsOn: today.adding(days: -1), endsOn: today.adding(days: 20))
                campaign.scope = .units(["07210"])
                campaign.state = .open
                return try CampaignStore(connection).create(campaign, today: today, now: 0)
            }
        }
        return (try await campaign("PKS01", "Dân chủ trong cơ quan 2024"), try await campaign("PKS05", "Một cửa 2024"))
    }

    /// Answers a campaign's form as a phone does; returns the respondent cookie.
    static func answer(_ app: TestApp, campaign: Int64, cookie: String? = nil) async throws -> String? {
        let headers = cookie.map { [("Cookie", $0)] } ?? []
        let page = await app.get(SiteRoute.answer(campaign: campaign, unit: "07210").path, headers: headers)
        let form = try await app.pool.read { connection -> FormDefinition in
            let record = try #require(try CampaignStore(connection).campaign(id: campaign))
            return try #require(try FormStore(connection).definition(formVersionID: record.formVersionID))
        }
        // An option that opens no follow-up, for every question always shown.
        let triggers = Set(form.questions.compactMap(\.showIfOptionID))
        let answers = form.questions.compactMap { question -> (String, String)? in
            guard question.kind.isChoice, question.showIfOptionID == nil,
                let option = question.options.first(where: { !triggers.contains($0.id) })
            else { return nil }
            return (question.code, String(option.id))
        }
        app.clock.advance(by: 60)
        let fields = [
            ("token", try #require(page.hiddenField("token")))
        ]
        let posted = await app.post(
            SiteRoute.answer(campaign: campaign, unit: "07210").path, form: fields + answers, headers: headers)
        #expect(posted.status == .seeOther)
        return posted.cookie(app.environment.cookieNames.respondent) ?? cookie
    }

    @Test func landingSeparatesCitizensFormsFromOfficialsAndMarksAnsweredOnes() async throws {
        let app = try await TestApp()
        let (officials, oneStop) = try await Self.campaigns(app)
        let landing = SiteRoute.landing(unit: "07210").path
        let fresh = await app.get(landing)
        #expect(fresh.status == .ok)
        #expect(
            fresh.document.headings(2) == [
                "Phiếu dành cho người dân, tổ chức", "Phiếu dành cho cán bộ, công chức", "Hòm thư góp ý",
            ])
        let citizens = try #require(fresh.document.element(id: "nguoi-dan"))
        let staff = try #require(fresh.document.element(id: "can-bo"))
        let citizenLinks = Set(citizens.links.map(\.href))
        #expect(
            citizenLinks == [
                SiteRoute.answer(campaign: app.demoCampaignID, unit: "07210").path,
                SiteRoute.answer(campaign: oneStop, unit: "07210").path,
            ])
        #expect(staff.links.map(\.href) == [SiteRoute.answer(campaign: officials, unit: "07210").path])
        #expect(fresh.document.elements(tag: "li", class: "answered").isEmpty, "nothing answered yet")
        #expect(fresh.headers["Cache-Control"] == "private, no-store")

        let cookie = try #require(try await Self.answer(app, campaign: oneStop))
        let after = await app.get(landing, headers: [("Cookie", cookie)])
        let answered = after.document.elements(tag: "li", class: "answered")
        #expect(answered.count == 1)
        #expect(answered.first?.links.map(\.href) == [SiteRoute.answer(campaign: oneStop, unit: "07210").path])
        #expect(answered.first?.text.contains("đã trả lời phiếu này") == true)
        #expect(await app.get(landing).document.elements(tag: "li", class: "answered").isEmpty, "another browser")

        // Only officials' forms open: the citizens' section says there is none for them.
        try await app.pool.write { connection in
            for id in [app.demoCampaignID, oneStop] {
                try CampaignStore(connection).close(campaignID: id, today: app.clock.today)
            }
        }
        let onlyStaff = await app.get(landing)
        #expect(onlyStaff.document.element(id: "nguoi-dan") == nil)
        #expect(onlyStaff.document.element(id: "can-bo") != nil)
        #expect(
            onlyStaff.document.texts(of: "p", class: "lead").contains(
                "Hôm nay chưa có phiếu khảo sát nào dành cho người dân đang mở tại đơn vị này."))
        await app.close()
    }

    @Test func thanksOffersTheOtherOpenFormsAndTheSuggestionBoxAsButtons() async throws {
        let app = try await TestApp()
        let (officials, oneStop) = try await Self.campaigns(app)
        let cookie = try #require(try await Self.answer(app, campaign: app.demoCampaignID))
        let thanks = await app.get(
            SiteRoute.thanks(campaign: app.demoCampaignID, unit: "07210").path, headers: [("Cookie", cookie)])
        #expect(thanks.status == .ok)
        let buttons = thanks.document.elements(tag: "a", class: "button").map { $0["href"] ?? "" }
        #expect(
            buttons == [
                SiteRoute.answer(campaign: oneStop, unit: "07210").path, SiteRoute.suggestionBox(unit: "07210").path,
                SiteRoute.landing(unit: "07210").path,
            ], "the other citizens' form, then the box; not the one just answered, not the officials' form")
        #expect(!buttons.contains(SiteRoute.answer(campaign: officials, unit: "07210").path))
        #expect(thanks.document.link(text: "Gửi góp ý cho Phường Hoàng Văn Thụ") != nil)

        // Once every citizens' form is answered, only the box and the way back remain.
        _ = try await Self.answer(app, campaign: oneStop, cookie: cookie)
        let last = await app.get(
            SiteRoute.thanks(campaign: oneStop, unit: "07210").path, headers: [("Cookie", cookie)])
        #expect(
            last.document.elements(tag: "a", class: "button").map { $0["href"] ?? "" } == [
                SiteRoute.suggestionBox(unit: "07210").path, SiteRoute.landing(unit: "07210").path,
            ])
        await app.close()
    }

    @Test func questionsAreLabelledCâuNAndFollowUpsAsSubItems() async throws {
        let app = try await TestApp()
        let (_, oneStop) = try await Self.campaigns(app)
        let page = await app.get(SiteRoute.answer(campaign: oneStop, unit: "07210").path)
        let fieldsets = page.document.elements(tag: "fieldset", class: "q")
        #expect(!fieldsets.isEmpty)
        var next = 0
        var numberOfOption: [String: String] = [:]
        for fieldset in fieldsets {
            let label = try #require(fieldset.elements(class: "num").first?.text)
            #expect(!label.contains("q"), "never a field code: \(label)")
            if let option = fieldset["data-show-if"] {
                let parent = try #require(numberOfOption[option])
                #expect(label.hasPrefix("Câu \(parent)"), "\(label) follows question \(parent)")
                #expect(label.count == "Câu \(parent)".count + 2, "one letter and the dot: \(label)")
                #expect(fieldset.text.contains("Trả lời nếu ở câu \(parent) "))
            } else {
                next += 1
                #expect(label == "Câu \(next).", "continuous numbers for the questions always shown")
                for input in fieldset.elements(tag: "input") { numberOfOption[input["value"] ?? ""] = String(next) }
            }
        }
        #expect(fieldsets.contains { $0["data-show-if"] != nil }, "PKS05 has follow-ups")

        // The dashboard's question table names the same questions the same way.
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let dashboard = await app.get(SiteRoute.dashboard(campaign: oneStop).path, as: province)
        let table = try #require(dashboard.document.table(withHeader: "Nội dung"))
        #expect(!table.rows.isEmpty)
        for row in table.rows {
            let label = try #require(row["Câu"])
            #expect(label.hasPrefix("Câu ") && !label.contains("q"), "\(label)")
        }
        await app.close()
    }
}
