import Survey

/// A form as a document (`qcdc form export` / `qcdc form import`): what a committee reviews and keeps under version
/// control. Questions and options are named by code and label, never by database id, so a document reads the same
/// on every database. The format is described in docs/form-format.md.
package struct FormDocument: Sendable, Hashable {
    /// Limits a document must keep: a form a person can answer at a desk, fields the answer page can show.
    package static let maxQuestions = 60
    package static let maxOptions = 20
    package static let maxTextLength = 1000
    package static let maxLabelLength = 300
    package static let maxTitleLength = 300
    package static let respondentKinds = ["citizens", "citizens_and_organisations", "officials"]
    package static let unitLevels = ["commune", "district"]
    package static let facts = ["age_band", "gender", "procedure_field"]

    package var code: String
    package var title: String
    /// The owning unit's code; nil for a standard form of the province.
    package var owner: String?
    package var organisation: String
    package var respondents: String
    package var unitLevels: [String]
    package var intro: String
    package var questions: [Question]

    package init(
        code: String, title: String, owner: String?, organisation: String, respondents: String,
        unitLevels: [String], intro: String, questions: [Question]
    ) {
        self.code = code
        self.title = title
        self.owner = owner
        self.organisation = organisation
        self.respondents = respondents
        self.unitLevels = unitLevels
        self.intro = intro
        self.questions = questions
    }

    package struct Question: Sendable, Hashable {
        package var code: String
        package var kind: QuestionKind
        package var text: String
        package var help: String
        package var required: Bool
        /// Narrows `required` (see `RequiredCondition`).
        package var requiredWhen: Reference?
        package var evaluative: Bool
        package var fact: String?
        /// A follow-up: shown only when this option of an earlier question was chosen.
        package var showIf: Reference?
        package var options: [Option]

        package init(
            code: String, kind: QuestionKind, text: String, help: String, required: Bool, requiredWhen: Reference?,
            evaluative: Bool, fact: String?, showIf: Reference?, options: [Option]
        ) {
            self.code = code
            self.kind = kind
            self.text = text
            self.help = help
            self.required = required
            self.requiredWhen = requiredWhen
            self.evaluative = evaluative
            self.fact = fact
            self.showIf = showIf
            self.options = options
        }
    }

    /// An option of an earlier question, by the question's code and the option's label; `chosen` only for a
    /// required condition.
    package struct Reference: Sendable, Hashable {
        package var question: String
        package var option: String
        package var chosen: Bool

        package init(question: String, option: String, chosen: Bool) {
            self.question = question
            self.option = option
            self.chosen = chosen
        }
    }

    package struct Option: Sendable, Hashable {
        package var label: String
        package var polarity: Polarity?

        package init(label: String, polarity: Polarity?) {
            self.label = label
            self.polarity = polarity
        }
    }
}

extension FormDocument {
    /// The document of a stored form version.
    package init(
        definition: FormDefinition, owner: String?, organisation: String, respondents: String, unitLevels: [String]
    ) {
        func reference(_ optionID: Int64, chosen: Bool) -> Reference? {
            guard let question = definition.question(ofOption: optionID), let option = definition.option(optionID)
            else { return nil }
            return Reference(question: question.code, option: option.label, chosen: chosen)
        }
        self.init(
            code: definition.code, title: definition.title, owner: owner, organisation: organisation,
            respondents: respondents, unitLevels: unitLevels, intro: definition.intro,
            questions: definition.questions.map { question in
                Question(
                    code: question.code, kind: question.kind, text: question.text, help: question.help,
                    required: question.required,
                    requiredWhen: question.requiredWhen.flatMap { reference($0.optionID, chosen: $0.chosen) },
                    evaluative: question.evaluative, fact: question.fact,
                    showIf: question.showIfOptionID.flatMap { reference($0, chosen: true) },
                    options: question.options.map { Option(label: $0.label, polarity: $0.polarity) })
            })
    }
}
