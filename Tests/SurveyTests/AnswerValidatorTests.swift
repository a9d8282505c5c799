import Testing

@testable import Survey

/// A small PKS05-like form: a required scale, a "very long wait" follow-up, a yes/no with a follow-up,
/// an optional multiple choice and an optional long text.
private let form = FormDefinition(
    formVersionID: 5, code: "PKS05", title: "Một cửa", intro: "",
    questions: [
        QuestionDefinition(
            id: 1, code: "q1", kind: .single, text: "Thời gian chờ", required: true, evaluative: true,
            options: [
                OptionDefinition(id: 11, label: "Nhanh chóng", polarity: .positive),
                OptionDefinition(id: 12, label: "Bình thường", polarity: .neutral),
                OptionDefinition(id: 13, label: "Chờ đợi rất lâu", polarity: .negative),
            ]),
        QuestionDefinition(id: 2, code: "q2", kind: .shortText, text: "Vì sao?", required: true, showIfOptionID: 13),
        QuestionDefinition(
            id: 3, code: "q3", kind: .yesNo, text: "Có ai gợi ý trả thêm tiền?", required: true,
            evaluative: true,
            options: [
                OptionDefinition(id: 31, label: "Có", polarity: .negative),
                OptionDefinition(id: 32, label: "Không", polarity: .positive),
            ]),
        QuestionDefinition(
            id: 4, code: "q4", kind: .single, text: "Lĩnh vực nào?", required: true, showIfOptionID: 31,
            options: [OptionDefinition(id: 41, label: "Đất đai"), OptionDefinition(id: 42, label: "Hộ tịch")]),
        QuestionDefinition(
            id: 5, code: "q5", kind: .multiple, text: "Kênh thông tin", required: false,
            options: [OptionDefinition(id: 51, label: "Loa"), OptionDefinition(id: 52, label: "Niêm yết")]),
        QuestionDefinition(id: 6, code: "q6", kind: .longText, text: "Ý kiến, đề xuất khác", required: false),
    ]
)

private let validator = AnswerValidator(form: form)

@Test func acceptsACompleteAnswer() throws {
    let result = validator.validate([
        "q1": ["11"], "q3": ["32"], "q5": ["52", "51", "52"], "q6": ["Cán bộ rất tận tình"],
    ])
    let answers = try result.get()
    #expect(answers.choices == [11, 32, 52, 51])
    #expect(answers.texts == [TextAnswer(questionID: 6, text: "Cán bộ rất tận tình")])
}

@Test func missingRequiredAnswersAreReportedPerQuestion() {
    guard case .failure(let errors) = validator.validate(["q3": ["32"]]) else {
        Issue.record("a missing required answer must fail")
        return
    }
    #expect(errors.byQuestionCode == ["q1": "Vui lòng chọn một câu trả lời."])
}

@Test func followUpsAreRequiredOnlyWhenShown() throws {
    // "Chờ đợi rất lâu" shows q2, which is then required.
    guard case .failure(let errors) = validator.validate(["q1": ["13"], "q3": ["32"]]) else {
        Issue.record("a shown follow-up is required")
        return
    }
    #expect(errors.byQuestionCode["q2"] == "Vui lòng nhập câu trả lời.")
    // With q1 = quick, an answer sent for the hidden follow-up is ignored, not stored.
    let answers = try validator.validate(["q1": ["11"], "q2": ["lạc đề"], "q3": ["32"], "q4": ["41"]]).get()
    #expect(answers.choices == [11, 32])
    #expect(answers.texts.isEmpty)
    // "Có" to extra payment requires the field.
    let withField = try validator.validate(["q1": ["11"], "q3": ["31"], "q4": ["42"]]).get()
    #expect(withField.choices == [11, 31, 42])
}

@Test func foreignOrDoubledOptionsAreRefused() {
    guard case .failure(let foreign) = validator.validate(["q1": ["31"], "q3": ["32"]]) else {
        Issue.record("an option of another question must be refused")
        return
    }
    #expect(foreign.byQuestionCode["q1"] == "Lựa chọn không hợp lệ, vui lòng chọn lại.")
    guard case .failure(let doubled) = validator.validate(["q1": ["11", "12"], "q3": ["32"]]) else {
        Issue.record("two answers to a single-choice question must be refused")
        return
    }
    #expect(doubled.byQuestionCode["q1"] == "Chỉ được chọn một câu trả lời.")
    guard case .failure(let garbage) = validator.validate(["q1": ["abc"], "q3": ["32"]]) else {
        Issue.record("a non-numeric option must be refused")
        return
    }
    #expect(garbage.byQuestionCode["q1"] != nil)
}

@Test func overlongTextIsRefused() {
    let long = String(repeating: "ệ", count: 2001)
    guard case .failure(let errors) = validator.validate(["q1": ["11"], "q3": ["32"], "q6": [long]]) else {
        Issue.record("text over the limit must be refused")
        return
    }
    #expect(errors.byQuestionCode["q6"] == "Câu trả lời dài quá 2000 ký tự.")
    #expect((try? validator.validate(["q1": ["11"], "q3": ["32"], "q6": [String(long.dropLast())]]).get()) != nil)
    // One byte per character: the limit holds exactly where bytes and characters agree.
    let ascii = String(repeating: "a", count: 2000)
    #expect((try? validator.validate(["q1": ["11"], "q3": ["32"], "q6": [ascii]]).get()) != nil)
    guard case .failure(let asciiErrors) = validator.validate(["q1": ["11"], "q3": ["32"], "q6": [ascii + "b"]])
    else {
        Issue.record("2001 ASCII characters must be refused")
        return
    }
    #expect(asciiErrors.byQuestionCode["q6"] == "Câu trả lời dài quá 2000 ký tự.")
}

@Test func satisfactionCountsPolarityNotWording() {
    // q1: 3 positive of 4 valid; q3: "Không" (positive) 1 of 2.
    let score = SatisfactionScore(form: form, counts: [11: 3, 13: 1, 31: 1, 32: 1, 41: 7])
    #expect(score.byQuestionID[1] == 0.75)
    #expect(score.byQuestionID[3] == 0.5)
    #expect(score.overall == 0.625)
    #expect(!score.meets(threshold: 0.8))
    #expect(SatisfactionScore(form: form, counts: [:]).overall == nil)
    #expect(SatisfactionScore(form: form, counts: [11: 4, 32: 1]).meets(threshold: 0.8))
}

/// A multiple-choice question counts one person however many options they tick, and nobody when left blank.
@Test func multipleChoiceQuestionsAnsweredAreListedOnce() throws {
    let ticked = try validator.validate(["q1": ["11"], "q3": ["32"], "q5": ["51", "52"]]).get()
    #expect(ticked.multipleChoiceQuestionIDs == [5])
    let blank = try validator.validate(["q1": ["11"], "q3": ["32"], "q5": [""]]).get()
    #expect(blank.multipleChoiceQuestionIDs.isEmpty)
}

/// Options of a multiple-choice question are kept once each, in the order sent; an empty value is no answer.
@Test func repeatedOptionsOfAMultipleChoiceQuestionCountOnce() throws {
    let answers = try validator.validate(["q1": ["11"], "q3": ["32"], "q5": ["52", "", "51", "52"]]).get()
    #expect(answers.choices == [11, 32, 52, 51])
    #expect(answers.multipleChoiceQuestionIDs == [5])
    guard case .failure(let errors) = validator.validate(["q1": ["11"], "q3": ["32"], "q5": ["51", "99"]]) else {
        Issue.record("an unknown option among valid ones must be refused")
        return
    }
    #expect(errors.byQuestionCode == ["q5": "Lựa chọn không hợp lệ, vui lòng chọn lại."])
}
