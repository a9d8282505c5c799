/// A frozen form version as the answer page and the validator see it.
public struct FormDefinition: Sendable, Hashable {
    public let formVersionID: Int64
    public let code: String
    public let title: String
    public let intro: String
    public let questions: [QuestionDefinition]

    public init(formVersionID: Int64, code: String, title: String, intro: String, questions: [QuestionDefinition]) {
        self.formVersionID = formVersionID
        self.code = code
        self.title = title
        self.intro = intro
        self.questions = questions
    }

    public var evaluativeQuestions: [QuestionDefinition] { questions.filter(\.evaluative) }

    /// The question an option belongs to.
    public func question(ofOption optionID: Int64) -> QuestionDefinition? {
        questions.first { question in question.options.contains { $0.id == optionID } }
    }

    public func option(_ optionID: Int64) -> OptionDefinition? {
        for question in questions {
            if let option = question.options.first(where: { $0.id == optionID }) { return option }
        }
        return nil
    }
}

public enum QuestionKind: String, Sendable, Hashable, CaseIterable {
    case single
    case multiple
    case yesNo = "yes_no"
    case shortText = "short_text"
    case longText = "long_text"

    public var isChoice: Bool { self == .single || self == .multiple || self == .yesNo }

    /// Longest text accepted, in characters.
    public var maxTextLength: Int {
        switch self {
        case .shortText: 200
        case .longText: 2000
        default: 0
        }
    }
}

/// A question of a frozen form. Its fields live in one immutable box: every answer walks the form's questions
/// twice (gathering and validating), and a copy of a struct of five strings, two optionals and an array retained
/// each of them, about a sixth of an answer's reference counting; a copy of the box is one retain.
public struct QuestionDefinition: Sendable, Hashable {
    private struct Fields: Sendable, Hashable {
        let id: Int64
        let code: String
        let kind: QuestionKind
        let text: String
        let help: String
        let required: Bool
        let requiredWhen: RequiredCondition?
        let evaluative: Bool
        let fact: String?
        let showIfOptionID: Int64?
        let options: [OptionDefinition]
    }

    private final class Box: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private let box: Box
    private var fields: Fields { box.fields }

    public var id: Int64 { box.fields.id }
    /// The form field name, e.g. "q3".
    public var code: String { box.fields.code }
    public var kind: QuestionKind { box.fields.kind }
    public var text: String { box.fields.text }
    public var help: String { box.fields.help }
    /// For a follow-up: required when shown. With `requiredWhen`, required only when that condition holds.
    public var required: Bool { box.fields.required }
    /// Narrows `required`: required only when an option of an earlier question was (or was not) chosen.
    public var requiredWhen: RequiredCondition? { box.fields.requiredWhen }
    public var evaluative: Bool { box.fields.evaluative }
    public var fact: String? { box.fields.fact }
    /// A follow-up is shown only when this option of an earlier question was chosen.
    public var showIfOptionID: Int64? { box.fields.showIfOptionID }
    public var options: [OptionDefinition] { box.fields.options }

    public init(
        id: Int64, code: String, kind: QuestionKind, text: String, help: String = "", required: Bool,
        evaluative: Bool = false, fact: String? = nil, showIfOptionID: Int64? = nil,
        requiredWhen: RequiredCondition? = nil, options: [OptionDefinition] = []
    ) {
        box = Box(
            Fields(
                id: id, code: code, kind: kind, text: text, help: help, required: required,
                requiredWhen: requiredWhen, evaluative: evaluative, fact: fact, showIfOptionID: showIfOptionID,
                options: options))
    }

    /// Equal when every field is: two boxes with the same contents are the same question.
    public static func == (lhs: QuestionDefinition, rhs: QuestionDefinition) -> Bool {
        lhs.box === rhs.box || lhs.fields == rhs.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
    }
}

public enum Polarity: String, Sendable, Hashable, CaseIterable {
    case positive, neutral, negative
}

public struct OptionDefinition: Sendable, Hashable {
    public let id: Int64
    public let label: String
    public let polarity: Polarity?

    public init(id: Int64, label: String, polarity: Polarity? = nil) {
        self.id = id
        self.label = label
        self.polarity = polarity
    }
}

extension FormDefinition {
    /// The number each question shows ("3", "3a"), by question code. Questions always shown are numbered 1, 2, 3…
    /// without gaps; a follow-up (shown only after a chosen answer) carries its parent's number and a letter in the
    /// order of that parent's follow-ups ("3a", "3b"), and a follow-up of a follow-up a further ".1", ".2". So the
    /// numbers a person sees stay continuous whether follow-ups are hidden or shown, and a follow-up reads as part
    /// of the question it depends on. Codes ("q4") are field names and never shown.
    public var questionNumbers: [String: String] {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var numbers: [String: String] = [:]
        var followUps: [String: Int] = [:]
        var next = 0
        for question in questions {
            if let optionID = question.showIfOptionID, let parent = self.question(ofOption: optionID),
                let parentNumber = numbers[parent.code]
            {
                let index = followUps[parent.code, default: 0]
                followUps[parent.code] = index + 1
                let isNested = parent.showIfOptionID != nil
                numbers[question.code] =
                    isNested || index >= letters.count
                    ? "\(parentNumber).\(index + 1)" : "\(parentNumber)\(letters[index])"
            } else {
                next += 1
                numbers[question.code] = String(next)
            }
        }
        return numbers
    }

    /// Whether `question` must be answered, given the options chosen in the questions before it.
    public func isRequired(_ question: QuestionDefinition, chosen: Set<Int64>) -> Bool {
        guard question.required else { return false }
        guard let condition = question.requiredWhen else { return true }
        return chosen.contains(condition.optionID) == condition.chosen
    }

    /// "Câu 4", "Câu 3a": how a question is named on every page and export.
    public func questionLabel(_ code: String) -> String {
        "Câu " + (questionNumbers[code] ?? code)
    }
}
