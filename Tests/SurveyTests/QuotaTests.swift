import Testing

@testable import Survey

@Test func boundsFollowTheRule() {
    let rule = QuotaRule.standard
    // V = 10: lower = min(ceil(5), 20) = 5, upper = floor(15) = 15.
    #expect(rule.lowerBound(visitors: 10) == 5)
    #expect(rule.upperBound(visitors: 10) == 15)
    // Odd V rounds the lower bound up and the upper bound down: V = 7 → 4 ... 10.
    #expect(rule.lowerBound(visitors: 7) == 4)
    #expect(rule.upperBound(visitors: 7) == 10)
    // Busy unit: the floor of 20 caps the lower bound.
    #expect(rule.lowerBound(visitors: 100) == 20)
    #expect(rule.upperBound(visitors: 100) == 150)
}

@Test func statusAtEachBoundary() {
    let rule = QuotaRule.standard
    #expect(rule.status(answers: 0, visitors: 0, hasReport: false) == .notReported)
    #expect(rule.status(answers: 50, visitors: 10, hasReport: false) == .notReported)
    #expect(rule.status(answers: 4, visitors: 10, hasReport: true) == .short)
    #expect(rule.status(answers: 5, visitors: 10, hasReport: true) == .met)
    #expect(rule.status(answers: 15, visitors: 10, hasReport: true) == .met)
    #expect(rule.status(answers: 16, visitors: 10, hasReport: true) == .over)
    #expect(rule.status(answers: 19, visitors: 100, hasReport: true) == .short)
    #expect(rule.status(answers: 20, visitors: 100, hasReport: true) == .met)
    #expect(rule.status(answers: 150, visitors: 100, hasReport: true) == .met)
    #expect(rule.status(answers: 151, visitors: 100, hasReport: true) == .over)
    // Reported zero visitors: nothing is expected, any answer is more than visitors justify.
    #expect(rule.status(answers: 0, visitors: 0, hasReport: true) == .met)
    #expect(rule.status(answers: 1, visitors: 0, hasReport: true) == .over)
}

@Test func toleranceHasNoFloatingPointDrift() {
    let rule = QuotaRule(tolerance: 0.3, busyFloor: 20)
    // 10 × 0.7 is 7.000000000000001 in Double; the lower bound must still be 7.
    #expect(rule.lowerBound(visitors: 10) == 7)
    #expect(rule.upperBound(visitors: 10) == 13)
    let strict = QuotaRule(tolerance: 0, busyFloor: 0)
    #expect(strict.lowerBound(visitors: 9) == 0, "a floor of 0 expects nothing")
    #expect(strict.upperBound(visitors: 9) == 9)
}

@Test func statusCodesAndLabels() {
    #expect(QuotaStatus.allCases.map(\.rawValue) == ["chua_bao_cao", "thieu", "dat", "vuot"])
    #expect(QuotaStatus.over.label == "vượt")
    #expect(QuotaStatus.notReported.label == "chưa báo cáo")
}
