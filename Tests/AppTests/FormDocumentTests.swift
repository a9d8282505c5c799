import Database
import Survey
import Testing

@testable import App
@testable import Store

/// Forms as documents: every standard form survives export → read → store → export; a document is checked whole
/// with errors naming line and field; the owner rules and frozen versions hold.
@Suite struct FormDocumentTests {
    static let today = ReportFixture.today

    func read(_ text: String) -> Result<FormDocument, FormDocumentError> {
        Result { () throws(FormDocumentError) in try FormDocument.read(Array(text.utf8)) }
    }

    func problems(_ text: String) -> [String] {
        guard case .failure(let error) = read(text) else { return [] }
        return error.problems.map(\.description)
    }

    static let small = """
        {
          "code": "DTN-07201",
          "title": "Phiếu của Đoàn phường",
          "owner": null,
          "questions": [
            {
              "code": "q1",
              "kind": "single",
              "text": "Anh/Chị đến phường làm gì?",
              "options": [{"label": "Thủ tục", "polarity": null}, {"label": "Góp ý", "polarity": null}]
            },
            {
              "code": "q2",
              "kind": "single",
              "text": "Cán bộ có tận tình không?",
              "required": true,
              "required_when": {"question": "q1", "option": "Góp ý", "chosen": false},
              "evaluative": true,
              "options": [{"label": "Có", "polarity": "positive"}, {"label": "Không", "polarity": "negative"}]
            },
            {
              "code": "q3",
              "kind": "short_text",
              "text": "Góp ý về việc gì?",
              "show_if": {"question": "q1", "option": "Góp ý"},
              "options": []
            }
          ]
        }
        """

    @Test func everyStandardFormRoundTrips() throws {
        let fixture = try ReportFixture()
        let store = FormDocumentStore(fixture.connection)
        for code in ["PKS01", "PKS02", "PKS03", "PKS04", "PKS05", "PKS06", "PKS07"] {
            let document = try #require(try store.document(code: code))
            #expect(document.owner == nil)
            #expect(try FormDocument.read(Array(document.json().utf8)) == document, "\(code) reads back")
            var copy = document
            copy.code = "COPY-\(code)"
            let saved = try store.save(copy, owner: "07201", now: 1)
            #expect(saved.stored && saved.newForm && saved.version == 1)
            var back = try #require(try store.document(code: copy.code))
            #expect(back.owner == "07201")
            back.code = code
            back.owner = nil
            #expect(back == document, "\(code): the copy exports the same document")
        }
        #expect(try store.document(code: "PKS99") == nil)
    }

    @Test func aSmallDocumentIsReadWithItsConditions() throws {
        let document = try read(Self.small).get()
        #expect(document.respondents == "citizens" && document.unitLevels == ["commune"] && document.intro == "")
        #expect(document.questions.map(\.code) == ["q1", "q2", "q3"])
        #expect(document.questions[1].requiredWhen == .init(question: "q1", option: "Góp ý", chosen: false))
        #expect(document.questions[2].showIf == .init(question: "q1", option: "Góp ý", chosen: true))
        #expect(!document.questions[0].required)
    }

    @Test func errorsNameTheLineAndTheField() {
        var text = Self.small
        text = text.replacingOccurrences(of: "\"kind\": \"short_text\"", with: "\"kind\": \"scale\"")
        text = text.replacingOccurrences(of: "\"polarity\": \"negative\"", with: "\"polarity\": \"bad\"")
        text = text.replacingOccurrences(of: "\"option\": \"Góp ý\"}", with: "\"option\": \"Khác\"}")
        #expect(
            problems(text) == [
                "dòng 19, questions[1].options[1].polarity: null, \"positive\", \"neutral\" hoặc \"negative\"",
                "dòng 23, questions[2].kind: loại câu hỏi “scale” không có; dùng một trong single, multiple, yes_no, short_text, long_text",
                "dòng 25, questions[2].show_if.option: câu “q1” không có lựa chọn “Khác”",
            ])
    }

    @Test func refusesWhatAFormCannotBe() {
        func replacing(_ old: String, _ new: String) -> [String] {
            let text = Self.small.replacingOccurrences(of: old, with: new)
            #expect(text != Self.small, "the replacement applies: \(old)")
            return problems(text)
        }
        #expect(
            replacing("\"code\": \"q3\"", "\"code\": \"q1\"") == [
                "dòng 22, questions[2].code: mã câu hỏi “q1” trùng với một câu trước"
            ])
        #expect(
            replacing("\"code\": \"q3\"", "\"code\": \"website\"") == [
                "dòng 22, questions[2].code: mã câu hỏi là “q” và một số, ví dụ \"q3\""
            ])
        // A follow-up or a condition pointing at a later question.
        #expect(
            replacing("\"required_when\": {\"question\": \"q1\"", "\"required_when\": {\"question\": \"q3\"")
                == ["dòng 17, questions[1].required_when.question: “q3” không phải một câu hỏi đứng trước câu này"])
        #expect(
            replacing("\"required\": true,", "\"required\": false,")
                == ["dòng 17, questions[1].required_when: chỉ dùng cho câu hỏi có \"required\": true"])
        #expect(
            replacing("{\"label\": \"Có\", \"polarity\": \"positive\"}", "{\"label\": \"Có\", \"polarity\": null}")
                == [
                    "dòng 19, questions[1].options[0].polarity: câu hỏi đánh giá cần mức cho mọi lựa chọn: positive, neutral hoặc negative"
                ])
        #expect(
            replacing("{\"label\": \"Góp ý\", \"polarity\": null}", "{\"label\": \"Thủ tục\", \"polarity\": null}")
                .first
                == "dòng 10, questions[0].options[1].label: lựa chọn “Thủ tục” trùng với một lựa chọn trước")
        #expect(
            replacing("\"required\": true,", "\"requried\": true,").first?.hasPrefix(
                "dòng 16, questions[1].requried: khóa không có trong định dạng") == true)
        #expect(
            replacing("\"title\": \"Phiếu của Đoàn phường\"", "\"title\": \"  \"") == [
                "dòng 3, title: không được để trống"
            ])
        #expect(
            replacing("\"code\": \"DTN-07201\"", "\"code\": \"đtn\"").first?.hasPrefix("dòng 2, code: mã mẫu phiếu")
                == true)
        #expect(
            problems("{\"code\": \"X\", \"title\": \"T\", \"questions\": []}") == [
                "dòng 1, questions: mẫu phiếu phải có ít nhất một câu hỏi"
            ])
        #expect(problems("[1,\n2,]") == ["dòng 2: không phải giá trị JSON (thiếu dấu ngoặc kép, hay thừa dấu phẩy?)"])

        let option = "{\"label\": \"L\", \"polarity\": null}"
        let manyOptions = (0...FormDocument.maxOptions).map {
            option.replacingOccurrences(of: "\"L\"", with: "\"L\($0)\"")
        }
        let wide =
            "{\"code\": \"X\", \"title\": \"T\", \"questions\": [{\"code\": \"q1\", \"kind\": \"multiple\", \"text\": \"?\", \"options\": [\(manyOptions.joined(separator: ","))]}]}"
        #expect(
            problems(wide) == [
                "dòng 1, questions[0].options: tối đa \(FormDocument.maxOptions) lựa chọn, gặp \(FormDocument.maxOptions + 1)"
            ])
        let question = "{\"code\": \"qN\", \"kind\": \"long_text\", \"text\": \"?\"}"
        let manyQuestions = (1...FormDocument.maxQuestions + 1).map {
            question.replacingOccurrences(of: "qN", with: "q\($0)")
        }
        let long = "{\"code\": \"X\", \"title\": \"T\", \"questions\": [\(manyQuestions.joined(separator: ","))]}"
        #expect(
            problems(long) == [
                "dòng 1, questions: tối đa \(FormDocument.maxQuestions) câu hỏi, gặp \(FormDocument.maxQuestions + 1)"
            ])
        let text =
            "{\"code\": \"X\", \"title\": \"T\", \"questions\": [{\"code\": \"q1\", \"kind\": \"short_text\", \"text\": \"?\", \"options\": [\(option), \(option)]}]}"
        #expect(problems(text).contains("dòng 1, questions[0].options: câu trả lời bằng chữ không có lựa chọn"))
    }

    @Test func ownersVersionsAndFrozenCampaigns() throws {
        let fixture = try ReportFixture()
        let store = FormDocumentStore(fixture.connection)
        let document = try read(Self.small).get()
        #expect(try store.owner(unitCode: "24", today: Self.today) == nil, "the province's forms are the standard ones")
        #expect(try store.owner(unitCode: "07201", today: Self.today) == "07201")
        #expect(throws: FormDocumentStoreError.self) { try store.owner(unitCode: "99999", today: Self.today) }

        let first = try store.save(document, owner: "07201", now: 1)
        #expect(first.stored && first.newForm && first.version == 1)
        #expect(!(try store.save(document, owner: "07201", now: 2)).stored, "the same document twice stores nothing")
        let taken = #expect(throws: FormDocumentStoreError.self) { try store.save(document, owner: "07204", now: 3) }
        #expect(taken?.description.contains("thuộc đơn vị 07201, không thuộc đơn vị 07204") == true)
        let standard = try #require(try store.document(code: "PKS02"))
        #expect(throws: FormDocumentStoreError.self) { try store.save(standard, owner: "07201", now: 3) }
        var levels = document
        levels.unitLevels = ["commune", "district"]
        #expect(throws: FormDocumentStoreError.self) { try store.save(levels, owner: "07201", now: 3) }

        // A campaign on version 1, then version 2: the campaign's version is not touched.
        let campaign = try ReportFixture.createCampaign(
            fixture.connection, formCode: "DTN-07201", codes: ["07201"], today: Self.today, latestVersion: true)
        let bound = try #require(try CampaignStore(fixture.connection).campaign(id: campaign)).formVersionID
        #expect(bound == first.versionID)
        let before = try #require(try FormStore(fixture.connection).definition(formVersionID: bound))
        var edited = document
        edited.questions[1].text = "Cán bộ có tận tình, chu đáo không?"
        edited.questions.remove(at: 2)
        let second = try store.save(edited, owner: "07201", now: 4)
        #expect(second.stored && !second.newForm && second.version == 2 && second.versionID != bound)
        #expect(try FormStore(fixture.connection).definition(formVersionID: bound) == before)
        #expect(try CampaignStore(fixture.connection).campaign(id: campaign)?.formVersionID == bound)
        let latest = try #require(try store.document(code: "DTN-07201"))
        #expect(latest.questions.count == 2 && latest.questions[1].text == "Cán bộ có tận tình, chu đáo không?")
        // The stored condition works in the validator: choosing "Góp ý" at q1 frees q2.
        let form = try #require(try FormStore(fixture.connection).definition(formVersionID: second.versionID))
        let suggestion = try #require(form.questions[0].options.last)
        #expect((try? AnswerValidator(form: form).validate(["q1": [String(suggestion.id)]]).get()) != nil)
        #expect((try? AnswerValidator(form: form).validate([:]).get()) == nil)
    }
}
