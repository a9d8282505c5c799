/// Where each choice option of a form lands when counters are added up: its place among the form's choice options
/// (for per-option totals) and, for an option with a polarity, its evaluative question's slot in a
/// `SatisfactionTally`. Built once per form, then used for every counter row, so adding up ~100,000 option
/// counters of a national campaign is an array walk instead of nested dictionaries.
public struct SatisfactionLayout: Sendable, Hashable {
    public struct Place: Sendable, Hashable {
        /// Index into `optionIDs`.
        public let option: Int
        /// Index into `questionIDs` (the evaluative questions); nil for an option without polarity.
        public let question: Int?
        public let positive: Bool
    }

    /// The evaluative questions, in form order: the tally's slots.
    public let questionIDs: [Int64]
    /// Every option of every choice question, in form order.
    public let optionIDs: [Int64]
    private let places: [Int64: Place]

    public init(form: FormDefinition) {
        var questionIDs: [Int64] = []
        var optionIDs: [Int64] = []
        var places: [Int64: Place] = [:]
        for question in form.questions where question.kind.isChoice || question.evaluative {
            var slot: Int?
            if question.evaluative {
                slot = questionIDs.count
                questionIDs.append(question.id)
            }
            for option in question.options where places[option.id] == nil {
                places[option.id] = Place(
                    option: optionIDs.count, question: option.polarity == nil ? nil : slot,
                    positive: option.polarity == .positive)
                optionIDs.append(option.id)
            }
        }
        self.questionIDs = questionIDs
        self.optionIDs = optionIDs
        self.places = places
    }

    /// nil for an option the form does not have (a counter of another version is ignored, as before).
    public func place(ofOption optionID: Int64) -> Place? { places[optionID] }

    public func emptyTally() -> SatisfactionTally { SatisfactionTally(questions: questionIDs.count) }
}
