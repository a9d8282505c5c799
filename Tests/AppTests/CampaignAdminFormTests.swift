import Database
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// "Edit as a new version": new wording in version N+1 with the same structure, while campaigns keep the version
/// they were created with, so the answers they collected keep their meaning.
@Suite struct CampaignAdminFormTests {
    static func definition(_ app: TestApp, versionID: Int64) async throws -> FormDefinition {
        try #require(try await app.pool.read { try FormStore($0).definition(formVersionID: versionID) })
    }

    static func latestVersionID(_ app: TestApp, _ code: String) async throws -> Int64 {
        try #require(try await app.pool.read { try FormStore($0).latestVersionID(formCode: code) })
    }

    @Test func newVersionKeepsTheOldCampaignsAnswersMeaning() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let province = try await app.signIn("tinh24")

        // A citizen answers the demo campaign (PKS02 version 1) before the wording changes.
        let answerPage = await app.get("/s/\(app.demoCampaignID)/07210")
        let token = try #require(answerPage.hiddenField("token"))
        app.clock.advance(by: 60)
        let answers = try await AnswerFlowTests.validAnswers(app)
        let sent = await app.post(
            "/s/\(app.demoCampaignID)/07210", form: [("token", token)] + answers,
            headers: [("Origin", TestApp.publicURL)])
        #expect(sent.status == .seeOther)
        let choices = try #require(
            try await app.pool.read {
                try $0.scalar(
                    "SELECT choices FROM responses WHERE campaign_id = ?", [app.demoCampaignID], as: String.self)
            })
        let oldVersionID = try await Self.latestVersionID(app, "PKS02")
        let old = try await Self.definition(app, versionID: oldVersionID)
        let q2 = try #require(old.questions.first { $0.code == "q2" })
        let firstOption = try #require(q2.options.first)
        #expect(choices.split(separator: ",").contains(Substring(String(firstOption.id))))

        let editor = await app.get(SiteRoute.newFormVersion(form: "PKS02").path, as: province)
        #expect(editor.status == .ok)
        #expect(editor.hiddenField("base") == String(oldVersionID))
        #expect(editor.text.contains(q2.text))

        let empty = await app.post(
            SiteRoute.newFormVersion(form: "PKS02").path,
            form: [
                ("base", String(oldVersionID)), ("q\(q2.id)", "  "),
            ], as: province, csrf: province.csrf)
        #expect(empty.status == .unprocessableContent)
        #expect(empty.text.contains("Không được để trống."))

        let newText = "Khi cần, Anh/Chị có dễ dàng gặp Chủ tịch UBND cấp xã không?"
        let newLabel = "Rất dễ dàng"
        let saved = await app.post(
            SiteRoute.newFormVersion(form: "PKS02").path,
            form: [
                ("base", String(oldVersionID)), ("q\(q2.id)", newText), ("o\(firstOption.id)", newLabel),
            ], as: province, csrf: province.csrf)
        #expect(saved.status == .seeOther)
        #expect(saved.location == SiteRoute.forms.path + "?done=version")
        let stale = await app.post(
            SiteRoute.newFormVersion(form: "PKS02").path,
            form: [
                ("base", String(oldVersionID)), ("q\(q2.id)", "Lần sửa dựa trên trang cũ"),
            ], as: province, csrf: province.csrf)
        #expect(stale.status == .conflict)

        let newVersionID = try await Self.latestVersionID(app, "PKS02")
        #expect(newVersionID != oldVersionID)
        let oldNumber = try await app.scalar("SELECT version FROM form_versions WHERE id = ?", [oldVersionID])
        #expect(try await app.scalar("SELECT version FROM form_versions WHERE id = ?", [newVersionID]) == oldNumber + 1)
        let new = try await Self.definition(app, versionID: newVersionID)
        #expect(new.questions.count == old.questions.count)
        for (before, after) in zip(old.questions, new.questions) {
            #expect(after.code == before.code && after.kind == before.kind && after.required == before.required)
            #expect(after.evaluative == before.evaluative && after.fact == before.fact)
            #expect(after.options.map(\.polarity) == before.options.map(\.polarity))
            #expect(after.id >= 10000 && after.options.allSatisfy { $0.id >= 10000 }, "ids above the seeded ranges")
            // A required condition (PKS02's manner, migration 0021) points at the new copy of its option.
            #expect((after.requiredWhen == nil) == (before.requiredWhen == nil))
            if let condition = after.requiredWhen, let earlier = before.requiredWhen {
                #expect(condition.chosen == earlier.chosen)
                #expect(new.option(condition.optionID)?.label == old.option(earlier.optionID)?.label)
                #expect(new.question(ofOption: condition.optionID) != nil, "an option of the new version")
            }
        }
        #expect(new.questions.contains { $0.requiredWhen != nil }, "the demo PKS02 carries its condition over")
        #expect(new.questions.first { $0.code == "q2" }?.text == newText)
        #expect(new.questions.first { $0.code == "q2" }?.options.first?.label == newLabel)
        #expect(new.questions.first { $0.code == "q3" }?.text == old.questions.first { $0.code == "q3" }?.text)

        // The demo campaign still reads its answers against version 1, word for word.
        let campaign = try #require(try await app.pool.read { try CampaignStore($0).campaign(id: app.demoCampaignID) })
        #expect(campaign.formVersionID == oldVersionID)
        let frozen = try await Self.definition(app, versionID: oldVersionID)
        #expect(frozen == old)
        for choice in choices.split(separator: ",") {
            let optionID = try #require(Int64(choice))
            #expect(frozen.option(optionID) != nil, "answer \(optionID) still names an option of the frozen version")
        }
        #expect(frozen.option(firstOption.id)?.label == firstOption.label)

        // A campaign created from now on takes the new wording.
        let today = app.clock.today
        let newCampaignID = try await app.pool.write { connection in
            try CampaignStore(connection).create(
                NewCampaign(
                    formCode: "PKS02", title: "Đợt sau", startsOn: today,
                    endsOn: today), today: today, now: 0)
        }
        #expect(
            try await app.pool.read { try CampaignStore($0).campaign(id: newCampaignID)?.formVersionID } == newVersionID
        )

        let forms = await app.get(SiteRoute.forms.path + "?done=version", as: province)
        #expect(forms.text.contains("Phiên bản 2"))
        #expect(forms.text.contains("Đã tạo phiên bản mới."))
        #expect(try await app.auditActions().contains(CampaignAdminAudit.formVersion))
    }

    @Test func followUpsPointAtTheNewCopiesOfTheirOptions() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let province = try await app.signIn("tinh24")
        let oldVersionID = try await Self.latestVersionID(app, "PKS05")
        let saved = await app.post(
            SiteRoute.newFormVersion(form: "PKS05").path, form: [("base", String(oldVersionID))],
            as: province, csrf: province.csrf)
        #expect(saved.status == .seeOther)
        let old = try await Self.definition(app, versionID: oldVersionID)
        let new = try await Self.definition(app, versionID: try await Self.latestVersionID(app, "PKS05"))
        let followUps = zip(old.questions, new.questions).filter { $0.0.showIfOptionID != nil }
        #expect(followUps.count >= 3)
        for (before, after) in followUps {
            let oldTrigger = try #require(before.showIfOptionID.flatMap(old.option))
            let newTriggerID = try #require(after.showIfOptionID)
            #expect(new.option(newTriggerID)?.label == oldTrigger.label, "\(after.code)")
            #expect(old.option(newTriggerID) == nil, "\(after.code) points into the new version")
            #expect(new.question(ofOption: newTriggerID)?.code == old.question(ofOption: oldTrigger.id)?.code)
        }
    }
}
