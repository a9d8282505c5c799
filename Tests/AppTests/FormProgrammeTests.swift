import Database
import Foundation
import Survey
import Testing

@testable import App
@testable import Store

/// Migration 0021: the standard forms follow the 2024 programme in NEW versions; campaigns created before keep their
/// version, its answers and its counters; campaigns created after take the new one.
@Suite struct FormProgrammeTests {
    static let today = ReportFixture.today

    static func latest(_ connection: Connection, _ code: String) throws -> FormDefinition {
        let forms = FormStore(connection)
        let id = try #require(try forms.latestVersionID(formCode: code))
        return try #require(try forms.definition(formVersionID: id))
    }

    static func labels(_ question: QuestionDefinition?) -> [String] { question?.options.map(\.label) ?? [] }

    /// A version's rows as text, read with the columns every migration has.
    static func snapshot(_ connection: Connection, version: Int64) throws -> [String] {
        try connection.query(
            """
            SELECT q.id || '|' || q.code || '|' || q.kind || '|' || q.text || '|' || q.help || '|' || q.required || '|'
                   || coalesce(q.show_if_option_id, '-') || '|' || coalesce(o.id, '-') || '|' || coalesce(o.label, '-')
                   || '|' || coalesce(o.polarity, '-') AS line
            FROM questions q LEFT JOIN options o ON o.question_id = q.id
            WHERE q.form_version_id = ? ORDER BY q.position, o.position
            """, [version]
        ).map { try $0.string("line") }
    }

    @Test func runningCampaignsKeepTheirVersionAnswersAndCounters() throws {
        let folder = NSTemporaryDirectory() + "qcdc-0021-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let connection = try Connection(path: folder + "/qcdc.sqlite3")
        let all = try AppDatabase.migrations()
        try Migrator(migrations: all.filter { $0.version < 21 }).migrate(connection)
        try ReportFixture.importUnits(connection, file: "bac_giang_2024.csv", effective: "2024-01-01")
        let running = try ReportFixture.createCampaign(
            connection, formCode: "PKS05", codes: ["07201"], today: Self.today, latestVersion: true)
        // Read by hand: the store reads columns later migrations add (0022's owner).
        let beforeVersion = try #require(
            try connection.scalar("SELECT form_version_id FROM campaigns WHERE id = ?", [running], as: Int64.self))
        let rowsBefore = try Self.snapshot(connection, version: beforeVersion)
        #expect(rowsBefore.count > 30)
        let unit = try #require(try connection.scalar("SELECT id FROM units WHERE code = '07201'", as: Int64.self))
        // Three "Chờ đợi rất lâu" (5043) counted under version 1, as the desk collected them.
        try connection.run(
            "INSERT INTO daily_answer_counts (campaign_id, unit_id, local_date, answers) VALUES (?, ?, ?, 3)",
            [running, unit, Self.today.iso])
        try connection.run(
            "INSERT INTO option_counts (campaign_id, unit_id, option_id, answers) VALUES (?, ?, 5043, 3)",
            [running, unit])

        try Migrator(migrations: all).migrate(connection)

        let after = try #require(try CampaignStore(connection).campaign(id: running))
        #expect(after.formVersionID == beforeVersion, "the running campaign keeps its version")
        #expect(try Self.snapshot(connection, version: after.formVersionID) == rowsBefore, "word for word")
        let formBefore = try #require(try FormStore(connection).definition(formVersionID: after.formVersionID))
        #expect(formBefore.questions.allSatisfy { $0.requiredWhen == nil })
        // An answer of version 1 still validates against the campaign's form: the old age bands, no "who answers".
        let v1Answer: [String: [String]] = [
            "q1": ["5011"], "q4": ["5043"], "q5": ["5051"], "q6": ["5061"], "q7": ["5071"], "q8": ["5081"],
            "q9": ["5091"], "q11": ["5112"], "q13": ["5131"],
        ]
        #expect((try? AnswerValidator(form: formBefore).validate(v1Answer).get()) != nil)
        let results = try #require(try QuestionResults.load(connection, campaignID: running, today: Self.today))
        let waiting = try #require(results.questions.first { $0.number == "4" })
        #expect(waiting.options.map(\.label) == ["Nhanh chóng", "Bình thường, theo thứ tự", "Chờ đợi rất lâu"])
        #expect(waiting.options.map(\.count) == [0, 0, 3], "counters of version 1 still count")

        // A campaign created now takes version 2, and version 1's ids are not its options.
        let new = try ReportFixture.createCampaign(
            connection, formCode: "PKS05", codes: ["07201"], today: Self.today, latestVersion: true)
        let newVersion = try #require(try CampaignStore(connection).campaign(id: new)).formVersionID
        #expect(newVersion != beforeVersion)
        #expect(
            try connection.scalar("SELECT version FROM form_versions WHERE id = ?", [newVersion], as: Int.self) == 2)
        let form = try #require(try FormStore(connection).definition(formVersionID: newVersion))
        #expect(form.option(5043) == nil)
        #expect((try? AnswerValidator(form: form).validate(v1Answer).get()) == nil)
        #expect(form.questions.allSatisfy { $0.id >= 10000 && $0.options.allSatisfy { $0.id >= 10000 } })
    }

    @Test func newVersionsCarryTheProgrammesContent() throws {
        let fixture = try ReportFixture()
        let connection = fixture.connection
        let organisations = try connection.query("SELECT code, organisation, owner_unit_code FROM forms ORDER BY code")
            .map {
                [try $0.string("code"), try $0.string("organisation"), try $0.optionalString("owner_unit_code") ?? "-"]
            }
        #expect(
            organisations == [
                ["PKS01", "Liên đoàn Lao động", "-"], ["PKS02", "Hội Cựu chiến binh", "-"],
                ["PKS03", "Hội Nông dân", "-"],
                ["PKS04", "Tỉnh đoàn (Đoàn Thanh niên)", "-"], ["PKS05", "Tỉnh đoàn (Đoàn Thanh niên)", "-"],
                ["PKS06", "Hội Liên hiệp Phụ nữ", "-"], ["PKS07", "Tổ dân vận", "-"],
            ])

        // PKS02: the chairman's manner is required unless the person never met the chairman.
        let pks02 = try Self.latest(connection, "PKS02")
        let met = try #require(pks02.questions.first)
        #expect(Self.labels(met) == ["Có", "Không"])
        let manner = try #require(pks02.questions.first { $0.text.hasPrefix("Thái độ, tác phong của Chủ tịch") })
        let condition = try #require(manner.requiredWhen)
        #expect(pks02.option(condition.optionID)?.label == "Không")
        #expect(pks02.question(ofOption: condition.optionID)?.code == met.code)
        #expect(!condition.chosen)
        #expect(pks02.questions.filter { $0.requiredWhen != nil }.count == 1)

        // PKS04 and PKS05 first ask who answers; "Lĩnh vực khác" is followed by a free text.
        for code in ["PKS04", "PKS05"] {
            let form = try Self.latest(connection, code)
            #expect(Self.labels(form.questions.first) == ["Cá nhân", "Tổ chức", "Doanh nghiệp"], "\(code)")
            let field = try #require(form.questions.first { $0.fact == "procedure_field" })
            let other = try #require(field.options.first { $0.label == "Lĩnh vực khác" })
            let freeText = try #require(form.questions.first { $0.showIfOptionID == other.id }, "\(code)")
            #expect(freeText.kind == .shortText && freeText.text == "Lĩnh vực khác (ghi rõ)")
        }

        // PKS05: the province's age bands and reasons for a long wait.
        let pks05 = try Self.latest(connection, "PKS05")
        #expect(
            Self.labels(pks05.questions.first { $0.fact == "age_band" })
                == ["Dưới 25 tuổi", "Từ 25 đến 49 tuổi", "Từ 50 đến 60 tuổi", "Trên 60 tuổi"])
        let why = Self.labels(pks05.questions.first { $0.text.hasPrefix("Nếu chờ đợi rất lâu") })
        #expect(why.contains("Công chức xử lý chậm") && why.contains("Thủ tục rườm rà") && why.count == 7)
        #expect(
            pks05.questionLabel(try #require(pks05.questions.first { $0.text.hasPrefix("Nếu chờ") }).code) == "Câu 5a")

        // PKS07: "3 an" is an ninh – an sinh – an toàn, in that order.
        let pks07 = try Self.latest(connection, "PKS07")
        let texts = pks07.questions.map(\.text)
        #expect(pks07.questions.contains { $0.help == "Tiêu chí “3 an”: an ninh – an sinh – an toàn." })
        #expect(!texts.contains { $0.hasPrefix("An dân") })
        let order = ["An ninh:", "An sinh:", "An toàn:"].compactMap { prefix in
            texts.firstIndex { $0.hasPrefix(prefix) }
        }
        #expect(order.count == 3 && order == order.sorted())
        #expect(pks07.evaluativeQuestions.count == 10, "the an sinh question counts toward satisfaction")

        // Forms without a change keep their one version.
        for code in ["PKS01", "PKS03", "PKS06"] {
            #expect(try Self.latest(connection, code).formVersionID <= 7, "\(code)")
        }
    }

    /// The demo PKS02 campaign (created after the migration) through the real router: without JavaScript the page
    /// says when the manner question is required, and the server decides.
    @Test func theMannerIsRequiredOnlyFromPeopleWhoMetTheChairman() async throws {
        let app = try await TestApp()
        let campaignID = app.demoCampaignID
        let form = try await app.pool.read { connection -> FormDefinition in
            let campaign = try #require(try CampaignStore(connection).campaign(id: campaignID))
            return try #require(try FormStore(connection).definition(formVersionID: campaign.formVersionID))
        }
        let met = try #require(form.questions.first)
        let yes = try #require(met.options.first { $0.label == "Có" })
        let no = try #require(met.options.first { $0.label == "Không" })
        let manner = try #require(form.questions.first { $0.requiredWhen != nil })
        let path = SiteRoute.answer(campaign: campaignID, unit: "07210").path

        let page = await app.get(path)
        #expect(page.status == .ok)
        let fieldset = try #require(page.document.elements(tag: "fieldset").first { $0["id"] == "f-\(manner.code)" })
        #expect(fieldset["data-required-when"] == String(no.id))
        #expect(fieldset["data-required-when-chosen"] == "0")
        #expect(fieldset.text.contains("Không bắt buộc nếu ở câu 1 Anh/Chị chọn “Không”."))
        #expect(!fieldset.elements(class: "req").isEmpty, "the star stays for a browser without JavaScript")

        // Every other required question answered with its first option; the manner left blank.
        let answers: [(String, String)] = form.questions.compactMap { question in
            guard question.required, question.kind.isChoice, question.showIfOptionID == nil,
                question.code != manner.code, question.code != met.code, let first = question.options.first
            else { return nil }
            return (question.code, String(first.id))
        }
        let token = try #require(page.hiddenField("token"))
        app.clock.advance(by: 60)
        let refused = await app.post(path, form: [("token", token), (met.code, String(yes.id))] + answers)
        #expect(refused.status == .unprocessableContent)
        #expect(refused.text.contains("id=\"e-\(manner.code)\""))
        #expect(refused.text.contains("Vui lòng chọn một câu trả lời."))
        #expect(refused.text.contains("value=\"\(yes.id)\" checked"), "the answers come back")
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 0)

        let nobodyMet = await app.post(path, form: [("token", token), (met.code, String(no.id))] + answers)
        #expect(nobodyMet.status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 1)
        let stored = try await app.pool.read { try $0.scalar("SELECT choices FROM responses", as: String.self) }
        #expect(stored?.split(separator: ",").contains(Substring(String(no.id))) == true)
        #expect(manner.options.allSatisfy { stored?.split(separator: ",").contains(Substring(String($0.id))) == false })
        await app.close()
    }

    @Test func thePartnerOrganisationIsOnTheCampaignAndTheFormsPage() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let dashboard = await app.get(SiteRoute.dashboard(campaign: app.demoCampaignID).path, as: province)
        #expect(dashboard.status == .ok)
        #expect(
            dashboard.document.elements(tag: "p", class: "note").contains {
                $0.text.contains("phối hợp: Hội Cựu chiến binh")
            })
        let forms = await app.get(SiteRoute.forms.path, as: province)
        #expect(forms.status == .ok)
        #expect(forms.text.contains("Tổ chức phối hợp: Tỉnh đoàn (Đoàn Thanh niên)"))
        #expect(forms.text.contains("Tổ chức phối hợp: Tổ dân vận"))
        let editor = await app.get(SiteRoute.newFormVersion(form: "PKS02").path, as: province)
        #expect(editor.text.contains("Không bắt buộc khi chọn “Không”."), "the wording editor shows the condition")
        await app.close()
    }
}
