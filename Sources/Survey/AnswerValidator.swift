/// Checks a submitted form against its definition. Field values arrive as the browser sent them: choice fields
/// carry option ids, text fields carry text (already NFC-normalised and trimmed by the caller).
public struct AnswerValidator: Sendable {
    public let form: FormDefinition

    public init(form: FormDefinition) {
        self.form = form
    }

    public func validate(_ fields: [String: [String]]) -> Result<ValidatedAnswers, AnswerErrors> {
        // Every answer passes through here: sized once, filled in place (no array per question).
        var chosen = Set<Int64>(minimumCapacity: form.questions.count)
        var choices: [Int64] = []
        choices.reserveCapacity(form.questions.count)
        var texts: [TextAnswer] = []
        var multipleAnswered: [Int64] = []
        var errors: [String: String] = [:]

        // Questions come in order, and a follow-up or a condition always follows the question it depends on,
        // so `chosen` already holds the earlier answer when the dependent question is reached.
        for question in form.questions {
            if let parent = question.showIfOptionID, !chosen.contains(parent) { continue }
            let required = form.isRequired(question, chosen: chosen)
            var values = fields[question.code] ?? []
            if values.contains(where: \.isEmpty) { values.removeAll(where: \.isEmpty) }
            switch question.kind {
            case .single, .yesNo, .multiple:
                let start = choices.count
                if let error = appendChoiceIDs(values, for: question, to: &choices) {
                    choices.removeSubrange(start...)
                    errors[question.code] = error
                    continue
                }
                let ids = choices[start...]
                if ids.isEmpty, required {
                    errors[question.code] =
                        question.kind == .multiple
                        ? "Vui lòng chọn ít nhất một câu trả lời."
                        : "Vui lòng chọn một câu trả lời."
                }
                for id in ids { chosen.insert(id) }
                if question.kind == .multiple, !ids.isEmpty { multipleAnswered.append(question.id) }
            case .shortText, .longText:
                guard values.count <= 1 else {
                    errors[question.code] = "Câu trả lời không hợp lệ."
                    continue
                }
                let text = values.first ?? ""
                // A character is at least one byte: only a text of more bytes than the limit needs counting.
                if text.isEmpty {
                    if required { errors[question.code] = "Vui lòng nhập câu trả lời." }
                } else if text.utf8.count > question.kind.maxTextLength, text.count > question.kind.maxTextLength {
                    errors[question.code] = "Câu trả lời dài quá \(question.kind.maxTextLength) ký tự."
                } else {
                    texts.append(TextAnswer(questionID: question.id, text: text))
                }
            }
        }
        if !errors.isEmpty { return .failure(AnswerErrors(byQuestionCode: errors)) }
        return .success(ValidatedAnswers(choices: choices, texts: texts, multipleChoiceQuestionIDs: multipleAnswered))
    }

    /// Appends the option ids `values` name, each once, to `ids`; or returns what is wrong, having appended
    /// nothing the caller keeps.
    private func appendChoiceIDs(_ values: [String], for question: QuestionDefinition, to ids: inout [Int64])
        -> String?
    {
        if values.count > 1, question.kind != .multiple { return "Chỉ được chọn một câu trả lời." }
        let start = ids.count
        for value in values {
            guard let id = Int64(value), question.options.contains(where: { $0.id == id }) else {
                return "Lựa chọn không hợp lệ, vui lòng chọn lại."
            }
            if !ids[start...].contains(id) { ids.append(id) }
        }
        return nil
    }
}

public struct ValidatedAnswers: Sendable, Hashable {
    /// Chosen option ids in question order.
    public let choices: [Int64]
    public let texts: [TextAnswer]
    /// The multiple-choice questions this answer chose at least one option of: the option counters count choices,
    /// so how many people answered such a question is counted apart (`question_answer_counts`).
    public let multipleChoiceQuestionIDs: [Int64]

    public init(choices: [Int64], texts: [TextAnswer], multipleChoiceQuestionIDs: [Int64]) {
        self.choices = choices
        self.texts = texts
        self.multipleChoiceQuestionIDs = multipleChoiceQuestionIDs
    }
}

public struct TextAnswer: Sendable, Hashable {
    public let questionID: Int64
    public let text: String
}

/// Vietnamese messages keyed by question code, shown next to each question.
public struct AnswerErrors: Error, Sendable, Hashable {
    public let byQuestionCode: [String: String]
}
