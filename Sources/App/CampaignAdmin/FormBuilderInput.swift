import HTTP
import Store
import Survey

/// The form builder's fields as sent: the whole form on every press, named by their path in the form document
/// (`questions[2].options[0].label`), so the document rules' problems land beside the field they name. The button
/// pressed (`action`) adds, removes or moves a question or an option; every press saves, so nothing typed is lost.
struct FormBuilderInput: Sendable {
    enum Action: Sendable, Hashable {
        case save
        case addQuestion
        case removeQuestion(Int)
        case moveUp(Int)
        case moveDown(Int)
        case addOption(Int)
        case removeOption(Int, Int)

        /// "save", "add", "remove:2", "up:2", "down:2", "add-option:2", "remove-option:2:1"; anything else saves.
        init(_ text: String) {
            let parts = text.split(separator: ":").map(String.init)
            let numbers = parts.dropFirst().compactMap { Int($0) }.filter { $0 >= 0 }
            switch (parts.first ?? "", numbers.count) {
            case ("add", 0): self = .addQuestion
            case ("remove", 1): self = .removeQuestion(numbers[0])
            case ("up", 1): self = .moveUp(numbers[0])
            case ("down", 1): self = .moveDown(numbers[0])
            case ("add-option", 1): self = .addOption(numbers[0])
            case ("remove-option", 2): self = .removeOption(numbers[0], numbers[1])
            default: self = .save
            }
        }
    }

    /// The document as the page sent it: the base gives what the page does not edit (code, owner, who answers,
    /// levels, partner, facts).
    static func document(from form: URLEncodedForm, base: FormDocument) -> FormDocument {
        var document = base
        document.title = SearchText.clean(form["title"] ?? base.title)
        document.intro = SearchText.clean(form["intro"] ?? "")
        var questions: [FormDocument.Question] = []
        // A renamed option keeps the follow-ups and conditions that name it: old label → new label, per question.
        var renamed: [String: [String: String]] = [:]
        var index = 0
        while let code = form["questions[\(index)].code"], index < FormDocument.maxQuestions + 1 {
            let path = "questions[\(index)]"
            let kind = QuestionKind(rawValue: form["\(path).kind"] ?? "") ?? .single
            var options: [FormDocument.Option] = []
            var position = 0
            while let label = form["\(path).options[\(position)].label"], position < FormDocument.maxOptions + 1 {
                let clean = SearchText.clean(label)
                let polarity = Polarity(rawValue: form["\(path).options[\(position)].polarity"] ?? "")
                options.append(FormDocument.Option(label: clean, polarity: polarity))
                if let was = form["\(path).options[\(position)].was"], was != clean {
                    renamed[code, default: [:]][was] = clean
                }
                position += 1
            }
            let fact = base.questions.first { $0.code == code }?.fact
            questions.append(
                FormDocument.Question(
                    code: code, kind: kind, text: SearchText.clean(form["\(path).text"] ?? ""),
                    help: SearchText.clean(form["\(path).help"] ?? ""), required: form["\(path).required"] == "1",
                    requiredWhen: Self.reference(form["\(path).required_when"] ?? "", withChosen: true),
                    evaluative: form["\(path).evaluative"] == "1", fact: fact,
                    showIf: Self.reference(form["\(path).show_if"] ?? "", withChosen: false),
                    options: kind.isChoice ? options : []))
            index += 1
        }
        func follow(_ reference: FormDocument.Reference?) -> FormDocument.Reference? {
            guard var reference else { return nil }
            if let label = renamed[reference.question]?[reference.option] { reference.option = label }
            return reference
        }
        document.questions = questions.map { question in
            var question = question
            question.showIf = follow(question.showIf)
            question.requiredWhen = follow(question.requiredWhen)
            return question
        }
        return document
    }

    /// A select's value: "q3|Có" (follow-up), "1|q3|Có" or "0|q3|Có" (condition: chosen or not); "" for none.
    static func referenceValue(_ reference: FormDocument.Reference?, withChosen: Bool) -> String {
        guard let reference else { return "" }
        let head = withChosen ? (reference.chosen ? "1|" : "0|") : ""
        return head + reference.question + "|" + reference.option
    }

    static func reference(_ value: String, withChosen: Bool) -> FormDocument.Reference? {
        var parts = value.split(separator: "|", maxSplits: withChosen ? 2 : 1, omittingEmptySubsequences: false)
            .map(String.init)
        var chosen = true
        if withChosen {
            guard parts.count == 3 else { return nil }
            chosen = parts.removeFirst() != "0"
        }
        guard parts.count == 2, !parts[0].isEmpty else { return nil }
        return FormDocument.Reference(question: parts[0], option: parts[1], chosen: chosen)
    }

    /// Applies a button's change. A new question is a two-option choice question with a placeholder text, a valid
    /// form the unit then words; a new option is named "Lựa chọn N". Out-of-range indices change nothing.
    static func apply(_ action: Action, to document: inout FormDocument) {
        var questions = document.questions
        switch action {
        case .save:
            break
        case .addQuestion:
            guard questions.count < FormDocument.maxQuestions else { break }
            let numbers = questions.compactMap { Int($0.code.dropFirst()) }
            questions.append(Self.newQuestion(code: "q\((numbers.max() ?? 0) + 1)", number: questions.count + 1))
        case .removeQuestion(let index) where questions.indices.contains(index):
            questions.remove(at: index)
        case .moveUp(let index) where index > 0 && questions.indices.contains(index):
            questions.swapAt(index, index - 1)
        case .moveDown(let index) where questions.indices.contains(index + 1) && index >= 0:
            questions.swapAt(index, index + 1)
        case .addOption(let index) where questions.indices.contains(index):
            guard questions[index].kind.isChoice, questions[index].options.count < FormDocument.maxOptions else {
                break
            }
            let labels = Set(questions[index].options.map(\.label))
            var number = questions[index].options.count + 1
            while labels.contains("Lựa chọn \(number)") { number += 1 }
            let polarity: Polarity? = questions[index].evaluative ? .neutral : nil
            questions[index].options.append(FormDocument.Option(label: "Lựa chọn \(number)", polarity: polarity))
        case .removeOption(let index, let position)
        where questions.indices.contains(index) && questions[index].options.indices.contains(position):
            questions[index].options.remove(at: position)
        default:
            break
        }
        document.questions = questions
    }

    static func newQuestion(code: String, number: Int) -> FormDocument.Question {
        FormDocument.Question(
            code: code, kind: .single, text: "Câu hỏi mới số \(number)", help: "", required: false, requiredWhen: nil,
            evaluative: false, fact: nil, showIf: nil,
            options: [
                FormDocument.Option(label: "Có", polarity: nil), FormDocument.Option(label: "Không", polarity: nil),
            ])
    }
}
