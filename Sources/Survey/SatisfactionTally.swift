/// The numbers SIPAS satisfaction needs, per evaluative question of a form (slots of a `SatisfactionLayout`):
/// answers with a polarity (valid) and positive answers. Tallies add up, so a district's or a province's pooled
/// share is the sum of its units' tallies, computed without going back to the option counters.
public struct SatisfactionTally: Sendable, Hashable {
    public private(set) var valid: [Int]
    public private(set) var positive: [Int]

    public init(questions: Int) {
        valid = Array(repeating: 0, count: questions)
        positive = Array(repeating: 0, count: questions)
    }

    /// Counts `answers` choices of an option at `place`; options without polarity change nothing.
    public mutating func add(_ answers: Int, at place: SatisfactionLayout.Place) {
        guard let slot = place.question else { return }
        valid[slot] += answers
        if place.positive { positive[slot] += answers }
    }

    /// Pools another tally of the same layout into this one.
    public mutating func add(_ other: SatisfactionTally) {
        for slot in valid.indices where slot < other.valid.count {
            valid[slot] += other.valid[slot]
            positive[slot] += other.positive[slot]
        }
    }

    /// Positive share per slot; nil where the question has no valid answer.
    public var shares: [Double?] {
        valid.indices.map { slot in valid[slot] > 0 ? Double(positive[slot]) / Double(valid[slot]) : nil }
    }

    /// The mean over the questions that have valid answers, in slot order; nil when none has. The same rule and
    /// the same arithmetic as `SatisfactionScore.overall`.
    public var overall: Double? {
        SatisfactionScore.mean(of: shares.compactMap { $0 })
    }
}
