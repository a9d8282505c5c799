import Database
import Survey
import Testing

@testable import App
@testable import Store

/// The per-question table against counts worked out by hand, on PKS05 (follow-ups 4a, 8a, 9a).
@Suite struct QuestionResultsTests {
    static let today = ReportFixture.today

    /// Thọ Xương (07201): one real answer (first options, so no follow-up; flagged, unconfirmed) and three counted
    /// straight in: 3 × "Chờ đợi rất lâu", of whom 2 said "Đông người chờ" and 1 "Thiếu công chức" (so 4a has 3
    /// answers), q13: 1 × "Rất hài lòng", 2 × "Không hài lòng". Đồng Tâm (07243): 2 × "Bình thường, theo thứ tự",
    /// 2 × "Bình thường" on q13.
    func fixture() throws -> ReportFixture {
        let fixture = try ReportFixture(formCode: "PKS05")
        try fixture.storeResponses("07201", on: Self.today, count: 1) { question in
            question.showIfOptionID != nil ? nil : question.code == "q11" ? question.options[1] : question.options.first
        }
        let unit = try fixture.unitID("07201")
        let response = try #require(
            try fixture.connection.scalar("SELECT id FROM responses WHERE unit_id = ?", [unit], as: Int64.self))
        try fixture.connection.run(
            "INSERT INTO response_reviews (response_id, campaign_id, unit_id) VALUES (?, ?, ?)",
            [response, fixture.campaignID, unit])
        try fixture.addCounts(
            "07201", on: Self.today, answers: 3, options: [5043: 3, 5051: 2, 5052: 1, 5131: 1, 5134: 2])
        try fixture.addCounts("07243", on: Self.today, answers: 2, options: [5042: 2, 5133: 2])
        return fixture
    }

    func question(_ results: QuestionResults, _ number: String) throws -> QuestionResults.Question {
        try #require(results.questions.first { $0.number == number })
    }

    @Test func campaignTableMatchesHandCounts() throws {
        let fixture = try fixture()
        let results = try #require(
            try QuestionResults.load(fixture.connection, campaignID: fixture.campaignID, today: Self.today))
        #expect(
            results.questions.map(\.number)
                == ["1", "2", "3", "4", "4a", "5", "6", "7", "8", "8a", "9", "9a", "10"])
        #expect(results.questions.map(\.parentNumber).compactMap { $0 } == ["4", "8", "9"])
        #expect(results.answers == 6)
        #expect(results.flaggedOpen == 1)

        let waiting = try question(results, "4")
        #expect(waiting.label == "Câu 4")
        #expect(waiting.text == "Thời gian chờ đợi đến lượt được tiếp nhận hồ sơ")
        #expect(waiting.options.map(\.label) == ["Nhanh chóng", "Bình thường, theo thứ tự", "Chờ đợi rất lâu"])
        #expect(waiting.options.map(\.count) == [1, 2, 3])
        #expect(waiting.answered == 6)
        let sixths: [Double?] = [1.0 / 6, 2.0 / 6, 3.0 / 6]
        #expect(waiting.options.map(\.share) == sixths)

        let why = try question(results, "4a")
        #expect(why.label == "Câu 4a")
        #expect(why.parentNumber == "4")
        #expect(why.options.map(\.count) == [2, 1, 0, 0, 0])
        #expect(why.answered == 3)
        let thirds: [Double?] = [2.0 / 3, 1.0 / 3, 0, 0, 0]
        #expect(why.options.map(\.share) == thirds)

        let overall = try question(results, "10")
        #expect(overall.options.map(\.count) == [2, 0, 2, 2])
        #expect(overall.answered == 6)

        let apology = try question(results, "8a")
        #expect(apology.answered == 0)
        #expect(apology.options.allSatisfy { $0.count == 0 && $0.share == nil })
    }

    @Test func narrowerScopesCountOnlyTheirUnits() throws {
        let fixture = try fixture()
        let dongTam = try #require(
            try QuestionResults.load(
                fixture.connection, campaignID: fixture.campaignID, today: Self.today,
                scope: .unit(try fixture.unitID("07243"))))
        #expect(dongTam.answers == 2)
        #expect(dongTam.flaggedOpen == 0)
        #expect(try question(dongTam, "4").options.map(\.count) == [0, 2, 0])
        #expect(try question(dongTam, "4").options.map(\.share) == [0, 1, 0])
        #expect(try question(dongTam, "4a").answered == 0)

        let unit = try fixture.unitID("07201")
        let district = try #require(
            try fixture.connection.scalar("SELECT parent_id FROM units WHERE id = ?", [unit], as: Int64.self))
        let city = try #require(
            try QuestionResults.load(
                fixture.connection, campaignID: fixture.campaignID, today: Self.today, scope: .district(district)))
        #expect(city.answers == 4)
        #expect(city.flaggedOpen == 1)
        #expect(try question(city, "4").options.map(\.count) == [1, 0, 3])
        #expect(try question(city, "10").options.map(\.count) == [2, 0, 0, 2])
    }

    /// Several choices per answer: each question's people come from its own counter, so shares are of people and
    /// may add up to more than 100%.
    @Test func multipleChoiceSharesAreOfThePeopleWhoAnswered() {
        let form = FormDefinition(
            formVersionID: 1, code: "T", title: "T", intro: "",
            questions: [
                QuestionDefinition(
                    id: 1, code: "q1", kind: .multiple, text: "Kênh", required: true,
                    options: [OptionDefinition(id: 11, label: "Loa"), OptionDefinition(id: 12, label: "Bảng tin")]),
                QuestionDefinition(
                    id: 2, code: "q2", kind: .multiple, text: "Khác", required: false,
                    options: [OptionDefinition(id: 21, label: "A"), OptionDefinition(id: 22, label: "B")]),
            ])
        let results = QuestionResults(
            form: form, optionTotals: [11: 3, 12: 2, 21: 1, 22: 1], questionAnswered: [1: 4, 2: 1], answers: 4,
            flaggedOpen: 0)
        #expect(results.questions[0].answered == 4)
        #expect(results.questions[0].options.map(\.share) == [0.75, 0.5])
        #expect(results.questions[1].answered == 1)
        #expect(results.questions[1].options.map(\.share) == [1, 1])
        #expect(results.questions[1].options.map(\.count) == [1, 1])
    }
}
