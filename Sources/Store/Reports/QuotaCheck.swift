import Survey

/// The quota rule applied to one unit of a campaign, with the numbers behind the status so a page can explain it.
public struct QuotaCheck: Sendable, Hashable {
    /// What V counts: daily visitors on reported days, or (PKS01) the officials' headcount entered once.
    public enum Basis: String, Sendable, Hashable {
        case visitors
        case headcount
    }

    public let basis: Basis
    /// R: answers that count (on reported days; for PKS01 every answer).
    public let answers: Int
    /// V: visitors on reported days, or the headcount (0 while not entered).
    public let base: Int
    /// Answers of days without a report: shown beside, never counted.
    public let uncountedAnswers: Int
    public let lowerBound: Int
    public let upperBound: Int
    public let status: QuotaStatus

    package init(rule: QuotaRule, basis: Basis, answers: Int, base: Int, uncountedAnswers: Int, hasReport: Bool) {
        self.basis = basis
        self.answers = answers
        self.base = base
        self.uncountedAnswers = uncountedAnswers
        lowerBound = rule.lowerBound(visitors: base)
        upperBound = rule.upperBound(visitors: base)
        status = rule.status(answers: answers, visitors: base, hasReport: hasReport)
    }
}
