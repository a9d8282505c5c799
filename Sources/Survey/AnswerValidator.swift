/// Checks a submitted form against its definition. Field values arrive as the browser sent them: choice fields
/// carry option ids, text fields carry text (already NFC-normalised and trimmed by the caller).
public struct AnswerValidator: Sendable {
    public let form: FormDefinition

    public init(form: FormDefinition) {
        self.form = form
    }

    public func validate(_ fields: [String: [String]]) -> Result<ValidatedAnswers, AnswerErrors> {
        var chosen: Set<Int64> = []
        var choices: [Int64] = []
        var texts: [(questionID: Int64, text: String)] = []
        var multipleAnswered: [Int64] = []
        var errors: [String: String] = [:]

        // Questions come in order, and a follow-up or a condition always follows the question it depends on,
        // so `chosen` already holds the earlier answer when the dependent question is reached.
        for question in form.questions {
            if let parent = question.showIfOptionID, !chosen.contains(parent) { continue }
            let required = form.isRequired(question, chosen: chosen)
            let values = (fields[question.code] ?? []).filter { !$0.isEmpty }
            switch question.kind {
            case .single, .yesNo, .multiple:
                switch choiceIDs(values, for: question) {
                case .failure(let error):
                    errors[question.code] = error.message
                case .success(let ids):
                    if ids.isEmpty, required {
                        errors[question.code] =
                            question.kind == .multiple
                            ? "Vui lòng chọn ít nhất một câu trả lời."
                            : "Vui lòng chọn một câu trả lời."
                    }
                    chosen.formUnion(ids)
                    choices.append(contentsOf: ids)
                    if question.kind == .multiple, !ids.isEmpty { multipleAnswered.append(question.id) }
                }
            case .shortText, .longText:
                guard values.count <= 1 else {
                    errors[question.code] = "Câu trả lời không hợp lệ."
                    continue
                }
                let text = values.first ?? ""
                if text.isEmpty {
                    if required { errors[question.code] = "Vui lòng nhập câu trả lời." }
                } else if text.count > question.kind.maxTextLength {
                    errors[question.code] = "Câu trả lời dài quá \(question.kind.maxTextLength) ký tự."
                } else {
                    texts.append((question.id, text))
                }
            }
        }
        if !errors.isEmpty { return .failure(AnswerErrors(byQuestionCode: errors)) }
        let textAnswers = texts.map { TextAnswer(questionID: $0.questionID, text: $0.text) }
        return .success(
            ValidatedAnswers(choices: choices, texts: textAnswers, multipleChoiceQuestionIDs: multipleAnswered))
    }

    private func choiceIDs(_ values: [String], for question: QuestionDefinition) -> Result<[Int64], ChoiceError> {
        if values.count > 1, question.kind != .multiple { return .failure("Chỉ được chọn một câu trả lời.") }
        var ids: [Int64] = []
        for value in values {
            guard let id = Int64(value), question.options.contains(where: { $0.id == id }) else {
                return .failure("Lựa chọn không hợp lệ, vui lòng chọn lại.")
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return .success(ids)
    }
}

private struct ChoiceError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension Result where Failure == ChoiceError {
    fileprivate static func failure(_ message: String) -> Self { .failure(ChoiceError(message)) }
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
