import Testing

@testable import Survey

/// Questions always shown are numbered 1, 2, 3… without gaps; a follow-up takes its parent's number and a letter.
@Suite struct QuestionNumberTests {
    static func choice(_ id: Int64, showIf: Int64? = nil, options: [Int64]) -> QuestionDefinition {
        QuestionDefinition(
            id: id, code: "q\(id)", kind: .single, text: "Câu hỏi \(id)", required: false, showIfOptionID: showIf,
            options: options.map { OptionDefinition(id: $0, label: "Lựa chọn \($0)") })
    }

    static func form(_ questions: [QuestionDefinition]) -> FormDefinition {
        FormDefinition(formVersionID: 1, code: "PKS05", title: "Một cửa", intro: "", questions: questions)
    }

    @Test func followUpsAreSubItemsSoVisibleNumbersStayContinuous() {
        let form = Self.form([
            Self.choice(1, options: [11, 12, 13]),
            Self.choice(2, showIf: 13, options: [21]),  // shown after "13"
            Self.choice(3, showIf: 12, options: [31]),  // a second follow-up of question 1
            Self.choice(4, options: [41, 42]),
            Self.choice(5, showIf: 42, options: [51]),
            Self.choice(6, options: [61]),
        ])
        #expect(form.questionNumbers == ["q1": "1", "q2": "1a", "q3": "1b", "q4": "2", "q5": "2a", "q6": "3"])
        #expect(form.questionLabel("q4") == "Câu 2")
        #expect(form.questionLabel("q5") == "Câu 2a")
        // Hiding every follow-up leaves 1, 2, 3: no gaps.
        let visible = form.questions.filter { $0.showIfOptionID == nil }.map { form.questionNumbers[$0.code] }
        #expect(visible == ["1", "2", "3"])
    }

    @Test func edges() {
        // No questions; no follow-ups (plain 1…n); a follow-up of a follow-up; more follow-ups than letters.
        #expect(Self.form([]).questionNumbers.isEmpty)
        let plain = Self.form((1...3).map { Self.choice($0, options: [$0 * 10]) })
        #expect(plain.questionNumbers == ["q1": "1", "q2": "2", "q3": "3"])
        let nested = Self.form([
            Self.choice(1, options: [11]), Self.choice(2, showIf: 11, options: [21]),
            Self.choice(3, showIf: 21, options: [31]), Self.choice(4, showIf: 21, options: [41]),
        ])
        #expect(nested.questionNumbers == ["q1": "1", "q2": "1a", "q3": "1a.1", "q4": "1a.2"])
        let many = Self.form(
            [Self.choice(1, options: [11])] + (2...28).map { Self.choice(Int64($0), showIf: 11, options: []) })
        #expect(many.questionNumbers["q2"] == "1a")
        #expect(many.questionNumbers["q27"] == "1z")
        #expect(many.questionNumbers["q28"] == "1.27", "past z: still unique and ordered")
        // A follow-up whose option belongs to no earlier question is numbered as a question of its own.
        let orphan = Self.form([Self.choice(1, showIf: 999, options: [11]), Self.choice(2, options: [21])])
        #expect(orphan.questionNumbers == ["q1": "1", "q2": "2"])
        #expect(orphan.questionLabel("q9") == "Câu q9", "an unknown code is shown as it is")
    }
}
