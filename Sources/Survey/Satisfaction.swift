/// SIPAS-style satisfaction: for a question, the share of positive answers among its valid answers (answers whose
/// option carries a polarity); for a form, the mean over its evaluative questions that received answers.
public struct SatisfactionScore: Sendable, Hashable {
    public let byQuestionID: [Int64: Double]
    /// nil when no evaluative question has an answer yet.
    public let overall: Double?

    /// `counts` maps option id to how often it was chosen.
    public init(form: FormDefinition, counts: [Int64: Int]) {
        var shares: [Int64: Double] = [:]
        for question in form.evaluativeQuestions {
            var valid = 0
            var positive = 0
            for option in question.options {
                guard let polarity = option.polarity else { continue }
                let count = counts[option.id] ?? 0
                valid += count
                if polarity == .positive { positive += count }
            }
            if valid > 0 { shares[question.id] = Double(positive) / Double(valid) }
        }
        byQuestionID = shares
        overall = Self.mean(of: form.evaluativeQuestions.compactMap { shares[$0.id] })
    }

    /// The mean of question shares, added in form order so the same counts always give the same bits.
    static func mean(of shares: [Double]) -> Double? {
        shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count)
    }

    /// Whether the unit reaches the threshold (a setting, 80% by default).
    public func meets(threshold: Double) -> Bool {
        guard let overall else { return false }
        // A mean of shares can land a hair under an exact threshold (0.7 + 0.9) / 2; round to 1e-9.
        return overall + 1e-9 >= threshold
    }
}
