import Testing

@testable import Survey

/// A PKS02-like form: "have you met the chairman?" (optional yes/no), the chairman's manner (required unless "Không"
/// was chosen), a question required only when "Có" was chosen, and a free text required only then too.
private let chairman = FormDefinition(
    formVersionID: 8, code: "PKS02", title: "Chủ tịch", intro: "",
    questions: [
        QuestionDefinition(
            id: 1, code: "q1", kind: .yesNo, text: "Anh/Chị có từng gặp Chủ tịch không?", required: false,
            options: [OptionDefinition(id: 11, label: "Có"), OptionDefinition(id: 12, label: "Không")]),
        QuestionDefinition(
            id: 2, code: "q2", kind: .single, text: "Thái độ, tác phong của Chủ tịch", required: true,
            evaluative: true, requiredWhen: RequiredCondition(optionID: 12, chosen: false),
            options: [
                OptionDefinition(id: 21, label: "Gần gũi", polarity: .positive),
                OptionDefinition(id: 22, label: "Hách dịch", polarity: .negative),
            ]),
        QuestionDefinition(
            id: 3, code: "q3", kind: .shortText, text: "Gặp ở đâu?", required: true,
            requiredWhen: RequiredCondition(optionID: 11, chosen: true)),
        QuestionDefinition(
            id: 4, code: "q4", kind: .single, text: "Nhìn chung", required: true, evaluative: true,
            options: [
                OptionDefinition(id: 41, label: "Hài lòng", polarity: .positive),
                OptionDefinition(id: 42, label: "Không hài lòng", polarity: .negative),
            ]),
    ]
)

private let validator = AnswerValidator(form: chairman)

@Test func aPersonWhoNeverMetTheChairmanNeedNotRateTheManner() throws {
    let answers = try validator.validate(["q1": ["12"], "q4": ["41"]]).get()
    #expect(answers.choices == [12, 41])
    #expect(answers.texts.isEmpty)
}

@Test func whoeverMetTheChairmanOrDidNotSayMustRateTheManner() {
    for fields: [String: [String]] in [["q1": ["11"], "q3": ["Tại trụ sở"], "q4": ["41"]], ["q4": ["41"]]] {
        guard case .failure(let errors) = validator.validate(fields) else {
            Issue.record("the manner is required unless “Không” was chosen: \(fields)")
            continue
        }
        #expect(errors.byQuestionCode == ["q2": "Vui lòng chọn một câu trả lời."])
    }
}

@Test func aQuestionNotRequiredByTheConditionMayStillBeAnswered() throws {
    let answers = try validator.validate(["q1": ["12"], "q2": ["22"], "q3": ["Ở họp tổ dân phố"], "q4": ["42"]]).get()
    #expect(answers.choices == [12, 22, 42])
    #expect(answers.texts == [TextAnswer(questionID: 3, text: "Ở họp tổ dân phố")])
}

@Test func aConditionOnAChosenOptionRequiresOnlyThen() {
    guard case .failure(let errors) = validator.validate(["q1": ["11"], "q2": ["21"], "q4": ["41"]]) else {
        Issue.record("“Có” makes q3 required")
        return
    }
    #expect(errors.byQuestionCode == ["q3": "Vui lòng nhập câu trả lời."])
    #expect((try? validator.validate(["q2": ["21"], "q4": ["41"]]).get()) != nil, "without “Có” q3 is optional")
}

@Test func isRequiredFollowsTheChosenOptions() throws {
    let manner = try #require(chairman.questions.first { $0.code == "q2" })
    #expect(chairman.isRequired(manner, chosen: []))
    #expect(chairman.isRequired(manner, chosen: [11]))
    #expect(!chairman.isRequired(manner, chosen: [12]))
    let optional = try #require(chairman.questions.first { $0.code == "q1" })
    #expect(!chairman.isRequired(optional, chosen: [11]))
}
