import Database
import Survey

/// The official result table of a campaign over some units: every choice question in form order, each follow-up
/// right after the question it depends on (the form already orders them so), with each option's count and share.
/// Built from the same per-option totals as the dashboard (`CampaignFigures.optionTotals`, so the counter cache
/// serves the province), never from the answers themselves.
///
/// Counts are the counters' figures: answers flagged and not yet confirmed are in them (confirming one takes it out,
/// `FlagStore.review`), and `flaggedOpen` says how many such answers the scope holds.
package struct QuestionResults: Sendable, Hashable {
    package struct Option: Sendable, Hashable {
        package let optionID: Int64
        package let label: String
        package let count: Int
        /// count ÷ the question's `answered`; nil when nobody answered.
        package let share: Double?
    }

    package struct Question: Sendable, Hashable {
        package let questionID: Int64
        package let code: String
        /// As the citizen form shows it: "3", "3a" (`FormDefinition.questionNumbers`).
        package let number: String
        /// The number of the question this one follows up; nil for a question always shown.
        package let parentNumber: String?
        package let text: String
        package let kind: QuestionKind
        package let options: [Option]
        /// People who answered the question. A single or yes/no choice is one counter per person, so it is the
        /// sum of its options; a multiple-choice question has its own counter (`question_answer_counts`), since one
        /// person's several choices are several option counts.
        package let answered: Int

        /// "Câu 3a".
        package var label: String { "Câu " + number }
    }

    package let questions: [Question]
    /// Answers in scope (confirmed flagged answers already taken out).
    package let answers: Int
    /// Answers in scope flagged and not yet confirmed: counted above.
    package let flaggedOpen: Int

    /// `optionTotals`: option id → answers over the scope's units; `questionAnswered`: multiple-choice question id →
    /// people who answered it, over the same units, as are `answers` and `flaggedOpen`.
    package init(
        form: FormDefinition, optionTotals: [Int64: Int], questionAnswered: [Int64: Int], answers: Int, flaggedOpen: Int
    ) {
        let numbers = form.questionNumbers
        self.answers = answers
        self.flaggedOpen = flaggedOpen
        questions = form.questions.filter(\.kind.isChoice).map { question in
            let counts = question.options.map { optionTotals[$0.id] ?? 0 }
            let answered =
                question.kind == .multiple ? questionAnswered[question.id] ?? 0 : counts.reduce(0, +)
            let options = zip(question.options, counts).map { option, count in
                Option(
                    optionID: option.id, label: option.label, count: count,
                    share: answered > 0 ? Double(count) / Double(answered) : nil)
            }
            let parent = question.showIfOptionID.flatMap { form.question(ofOption: $0) }
            return Question(
                questionID: question.id, code: question.code, number: numbers[question.code] ?? question.code,
                parentNumber: parent.flatMap { numbers[$0.code] }, text: question.text, kind: question.kind,
                options: options, answered: answered)
        }
    }

    /// Over every unit `figures` read: its scope is the table's scope.
    package init?(figures: CampaignFigures) {
        guard let form = figures.form else { return nil }
        self.init(
            form: form, optionTotals: figures.optionTotals, questionAnswered: figures.questionAnswered,
            answers: figures.communes.reduce(0) { $0 + $1.answers },
            flaggedOpen: figures.communes.reduce(0) { $0 + $1.flaggedOpen })
    }

    /// A campaign's table over a scope; nil for an unknown campaign (or one without a form).
    package static func load(
        _ connection: Connection, campaignID: Int64, today: LocalDate, scope: CampaignFigures.Scope = .campaign,
        cache: CounterCache? = nil
    ) throws -> QuestionResults? {
        try CampaignFigures.load(connection, campaignID: campaignID, today: today, scope: scope, cache: cache)
            .flatMap(QuestionResults.init(figures:))
    }
}
