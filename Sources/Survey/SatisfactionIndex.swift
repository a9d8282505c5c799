/// A unit's satisfaction index for a year: one number from the satisfied shares of the year's forms, so communes
/// (and districts) can be ranked. The rule, exactly:
///
/// - a form counts when its weight is above zero, it has at least `minimumAnswers` answers in the year and a
///   satisfied share (some evaluative answer);
/// - the index is the weighted mean of the counted forms' satisfied shares, Σ wᶠ·sᶠ / Σ wᶠ: weights are
///   renormalised over the forms present, so a commune without a PKS05 campaign is not pulled down by it;
/// - with no counted form the unit is not ranked, and the reason says why.
///
/// Forms are added in code order, so the same figures always give the same bits (ties stay ties).
public struct SatisfactionIndex: Sendable, Hashable {
    /// One form's figures for a unit over the year.
    public struct FormResult: Sendable, Hashable {
        public var answers: Int
        /// nil when no answer of the year carries a polarity.
        public var satisfiedShare: Double?

        public init(answers: Int, satisfiedShare: Double?) {
            self.answers = answers
            self.satisfiedShare = satisfiedShare
        }

        /// The year's figure of a form from its campaigns' parts (answers in the year, the campaign's satisfied
        /// share): answers add up; the share is the answer-weighted mean of the parts that have one, so a
        /// campaign spanning two years lends its share to each in proportion to its answers dated there.
        public static func pooling(_ parts: [FormResult]) -> FormResult {
            var answers = 0
            var weighted = 0.0
            var weight = 0
            for part in parts {
                answers += part.answers
                if let share = part.satisfiedShare, part.answers > 0 {
                    weighted += share * Double(part.answers)
                    weight += part.answers
                }
            }
            return FormResult(answers: answers, satisfiedShare: weight > 0 ? weighted / Double(weight) : nil)
        }
    }

    /// Why a unit has no index.
    public enum Unranked: Sendable, Hashable {
        /// No answer at all in the year on a form that weighs.
        case noAnswers
        /// Answers, but no weighted form reaches the minimum.
        case tooFewAnswers(minimum: Int)

        public var label: String {
            switch self {
            case .noAnswers: "Chưa có phiếu nào của mẫu phiếu được tính trong năm"
            case .tooFewAnswers(let minimum):
                "Không có mẫu phiếu được tính nào đủ \(minimum) phiếu trong năm"
            }
        }
    }

    public enum Outcome: Sendable, Hashable {
        case index(Double)
        case unranked(Unranked)

        public var value: Double? {
            if case .index(let value) = self { return value }
            return nil
        }
    }

    /// Form code → weight (≥ 0). A form without a weight weighs nothing.
    public let weights: [String: Double]
    public let minimumAnswers: Int

    public init(weights: [String: Double], minimumAnswers: Int) {
        self.weights = weights
        self.minimumAnswers = max(1, minimumAnswers)
    }

    public func weight(of formCode: String) -> Double { max(0, weights[formCode] ?? 0) }

    /// Whether this form's figures enter the index.
    public func counts(_ formCode: String, _ result: FormResult) -> Bool {
        weight(of: formCode) > 0 && result.answers >= minimumAnswers && result.satisfiedShare != nil
    }

    public func outcome(_ forms: [String: FormResult]) -> Outcome {
        var weighted = 0.0
        var total = 0.0
        var answers = 0
        for code in forms.keys.sorted() {
            guard let result = forms[code], weight(of: code) > 0 else { continue }
            answers += result.answers
            guard counts(code, result), let share = result.satisfiedShare else { continue }
            weighted += weight(of: code) * share
            total += weight(of: code)
        }
        guard total > 0 else { return .unranked(answers == 0 ? .noAnswers : .tooFewAnswers(minimum: minimumAnswers)) }
        return .index(weighted / total)
    }
}
