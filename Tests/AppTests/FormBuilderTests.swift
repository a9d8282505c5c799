import Database
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Forms owned by any unit, built on the web (issue 14): a ward creates its form and builds its questions with the
/// page's buttons (no JavaScript), the document rules of `qcdc form import` refuse a bad form beside the field, a
/// version is rewritten until a campaign uses it and frozen after (a running campaign keeps its version), and a unit
/// changes only its own forms.
@Suite struct FormBuilderTests {
    /// Sends the builder's form as rendered, with `changes` replacing fields and `action` the button pressed.
    static func press(
        _ app: TestApp, _ browser: Browser, code: String, action: String, changes: [String: String] = [:]
    ) async throws -> HTTPResponse {
        let path = SiteRoute.buildForm(form: code).path
        let page = await app.get(path, as: browser)
        let form = try #require(page.document.form(action: path), "the builder of \(code)")
        var fields = form.submission.map { pair in (pair.0, changes[pair.0] ?? pair.1) }
        for (name, value) in changes where !fields.contains(where: { $0.0 == name }) { fields.append((name, value)) }
        return await app.post(path, form: fields + [("action", action)], as: browser, csrf: browser.csrf)
    }

    static func document(_ app: TestApp, _ code: String) async throws -> FormDocument {
        try #require(try await app.pool.read { try FormDocumentStore($0).document(code: code) })
    }

    static func versions(_ app: TestApp, _ code: String) async throws -> [Int64] {
        try await app.pool.read { connection in
            try connection.query(
                """
                SELECT v.id AS id FROM form_versions v JOIN forms f ON f.id = v.form_id WHERE f.code = ?
                ORDER BY v.version
                """, [code]
            ).map { try $0.int64("id") }
        }
    }

    @Test func aWardBuildsAThreeQuestionFormWithTheButtonsAndPreviewsIt() async throws {
        let app = try await TestApp()
        let ward = try #require(try await app.signInAll()["xa07201"])
        let created = await app.post(
            SiteRoute.newForm.path,
            form: [("code", "dv07201-tn"), ("title", "Phiếu lấy ý kiến thanh niên"), ("organisation", "Đoàn phường")],
            as: ward, csrf: ward.csrf)
        #expect(created.status == .seeOther)
        #expect(created.location?.hasPrefix(SiteRoute.buildForm(form: "DV07201-TN").path) == true)
        var document = try await Self.document(app, "DV07201-TN")
        #expect(document.owner == "07201" && document.organisation == "Đoàn phường" && document.questions.count == 1)

        // Two more questions; the first becomes an evaluative question with polarities, the third a follow-up.
        #expect(try await Self.press(app, ward, code: "DV07201-TN", action: "add").status == .seeOther)
        #expect(try await Self.press(app, ward, code: "DV07201-TN", action: "add").status == .seeOther)
        let saved = try await Self.press(
            app, ward, code: "DV07201-TN", action: "add-option:0",
            changes: [
                "questions[0].text": "Anh/Chị có hài lòng với buổi tiếp dân không?",
                "questions[0].evaluative": "1", "questions[0].required": "1",
                "questions[0].options[0].label": "Hài lòng", "questions[0].options[0].polarity": "positive",
                "questions[0].options[1].label": "Chưa hài lòng", "questions[0].options[1].polarity": "negative",
                "questions[1].kind": "short_text", "questions[1].text": "Anh/Chị bao nhiêu tuổi?",
                "questions[2].kind": "long_text", "questions[2].text": "Vì sao Anh/Chị chưa hài lòng?",
                "questions[2].show_if": "q1|Chưa hài lòng",
            ])
        #expect(saved.status == .seeOther, "\(saved.text)")
        document = try await Self.document(app, "DV07201-TN")
        #expect(document.questions.map(\.code) == ["q1", "q2", "q3"])
        #expect(document.questions[0].options.map(\.label) == ["Hài lòng", "Chưa hài lòng", "Lựa chọn 3"])
        #expect(document.questions[0].options[2].polarity == .neutral, "a new option of an evaluative question")
        #expect(document.questions[1].options.isEmpty, "a text question keeps no options")
        #expect(document.questions[2].showIf?.option == "Chưa hài lòng")

        // Renaming an option keeps the follow-up on it; moving and removing work without JavaScript.
        #expect(
            try await Self.press(
                app, ward, code: "DV07201-TN", action: "remove-option:0:2",
                changes: ["questions[0].options[1].label": "Không hài lòng"]
            ).status == .seeOther)
        #expect(try await Self.press(app, ward, code: "DV07201-TN", action: "down:1").status == .seeOther)
        document = try await Self.document(app, "DV07201-TN")
        #expect(document.questions.map(\.code) == ["q1", "q3", "q2"])
        #expect(document.questions[1].showIf?.option == "Không hài lòng")
        #expect(document.questions[0].options.count == 2)
        #expect(try await Self.versions(app, "DV07201-TN").count == 1, "no campaign uses it: one version, rewritten")

        let preview = await app.get(SiteRoute.previewForm(form: "DV07201-TN").path, as: ward)
        #expect(preview.status == .ok)
        #expect(preview.text.contains("Anh/Chị có hài lòng với buổi tiếp dân không?"))
        #expect(preview.text.contains("Không hài lòng"))
        #expect(preview.text.contains("Bản xem trước"))
        let list = await app.get(SiteRoute.forms.path, as: ward)
        #expect(list.text.contains("Phiếu lấy ý kiến thanh niên"))
        #expect(list.text.contains("href=\"\(SiteRoute.buildForm(form: "DV07201-TN").path)\""))
        await app.close()
    }

    @Test func aBadFormIsRefusedBesideTheFieldWithEverythingKeptAndNothingStored() async throws {
        let app = try await TestApp()
        let ward = try #require(try await app.signInAll()["xa07201"])
        _ = await app.post(
            SiteRoute.newForm.path, form: [("code", "DV07201-A"), ("title", "Phiếu A")], as: ward, csrf: ward.csrf)
        let before = try await Self.document(app, "DV07201-A")
        let refused = try await Self.press(
            app, ward, code: "DV07201-A", action: "save",
            changes: ["questions[0].evaluative": "1", "questions[0].text": "Câu đã sửa nhưng chưa lưu"])
        #expect(refused.status == .unprocessableContent)
        let path = SiteRoute.buildForm(form: "DV07201-A").path
        let form = try #require(refused.document.form(action: path))
        #expect(form.error(for: "questions[0].options[0].polarity")?.contains("mức") == true)
        #expect(form.field("questions[0].text")?.value == "Câu đã sửa nhưng chưa lưu")
        #expect(try await Self.document(app, "DV07201-A") == before)
        // A code the document rules refuse, and a code already taken.
        let badCode = await app.post(
            SiteRoute.newForm.path, form: [("code", "Mẫu xã"), ("title", "Phiếu")], as: ward, csrf: ward.csrf)
        #expect(badCode.status == .unprocessableContent)
        let taken = await app.post(
            SiteRoute.newForm.path, form: [("code", "PKS02"), ("title", "Phiếu")], as: ward, csrf: ward.csrf)
        #expect(taken.status == .unprocessableContent)
        #expect(taken.text.contains("đã có"))
        await app.close()
    }

    @Test func aVersionIsFrozenOnceACampaignUsesItAndTheCampaignKeepsIt() async throws {
        let app = try await TestApp()
        let ward = try #require(try await app.signInAll()["xa07201"])
        _ = await app.post(
            SiteRoute.newForm.path, form: [("code", "DV07201-B"), ("title", "Phiếu B")], as: ward, csrf: ward.csrf)
        let first = try #require(try await Self.versions(app, "DV07201-B").first)
        let campaign = try await CampaignOwnershipTests.create(app, owner: "07201", scope: .all, form: "DV07201-B")
        let builder = await app.get(SiteRoute.buildForm(form: "DV07201-B").path, as: ward)
        #expect(builder.text.contains("lần lưu tới tạo phiên bản 2"))
        let saved = try await Self.press(
            app, ward, code: "DV07201-B", action: "save", changes: ["questions[0].text": "Câu hỏi đã đổi lời"])
        #expect(saved.status == .seeOther)
        let versions = try await Self.versions(app, "DV07201-B")
        #expect(versions.count == 2 && versions.first == first)
        let (bound, oldText) = try await app.pool.read { connection in
            (
                try CampaignStore(connection).campaign(id: campaign)?.formVersionID,
                try FormStore(connection).definition(formVersionID: first)?.questions.first?.text
            )
        }
        #expect(bound == first, "the running campaign keeps its version")
        #expect(oldText == "Câu hỏi mới số 1", "the frozen version is not rewritten")
        #expect(try await Self.document(app, "DV07201-B").questions.first?.text == "Câu hỏi đã đổi lời")
        // The next save rewrites version 2, which no campaign uses.
        _ = try await Self.press(app, ward, code: "DV07201-B", action: "add")
        #expect(try await Self.versions(app, "DV07201-B").count == 2)
        await app.close()
    }

    @Test func aUnitChangesOnlyItsOwnFormsAndTheProvinceSeesAll() async throws {
        let app = try await TestApp()
        let browsers = try await app.signInAll()
        let ward = try #require(browsers["xa07201"])
        let otherWard = try #require(browsers["xa07243"])
        let district = try #require(browsers["huyen213"])
        let province = try #require(browsers["tinh24"])
        _ = await app.post(
            SiteRoute.newForm.path, form: [("code", "DV07243-C"), ("title", "Phiếu của xã khác")], as: otherWard,
            csrf: otherWard.csrf)
        let build = SiteRoute.buildForm(form: "DV07243-C").path
        #expect(await app.get(build, as: otherWard).status == .ok)
        #expect(await app.get(build, as: ward).status == .forbidden)
        #expect(await app.get(build, as: district).status == .forbidden, "a district of another scope")
        #expect(
            await app.post(build, form: [("title", "Chiếm"), ("action", "save")], as: ward, csrf: ward.csrf).status
                == .forbidden)
        #expect(try await Self.document(app, "DV07243-C").title == "Phiếu của xã khác")
        #expect(await app.get(SiteRoute.previewForm(form: "DV07243-C").path, as: ward).status == .forbidden)
        #expect(await app.get(SiteRoute.previewForm(form: "PKS02").path, as: ward).status == .ok)
        #expect(await app.get(SiteRoute.buildForm(form: "PKS02").path, as: ward).status == .forbidden)
        #expect(await app.get(SiteRoute.buildForm(form: "PKS99").path, as: ward).status == .notFound)
        #expect(await app.get(build, as: province).status == .ok)
        #expect(!(await app.get(SiteRoute.forms.path, as: ward).text.contains("Phiếu của xã khác")))
        #expect(await app.get(SiteRoute.forms.path, as: province).text.contains("Phiếu của xã khác"))
        await app.close()
    }
}
