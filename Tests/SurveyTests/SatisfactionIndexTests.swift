import Testing

@testable import Survey

/// The year's index on hand-computed figures: weights renormalised over the forms present, the minimum answers,
/// the pooling of a form's campaigns, and competition ranking with ties.
@Suite struct SatisfactionIndexTests {
    typealias Result = SatisfactionIndex.FormResult

    let index = SatisfactionIndex(
        weights: ["PKS01": 2, "PKS02": 1, "PKS03": 1, "PKS05": 0], minimumAnswers: 10)

    @Test func weightedMeanOverTheFormsPresent() {
        // (2 × 0.9 + 1 × 0.6) / 3 = 0.8; PKS03 absent: its weight is not in the denominator.
        let outcome = index.outcome([
            "PKS01": Result(answers: 10, satisfiedShare: 0.9), "PKS02": Result(answers: 40, satisfiedShare: 0.6),
        ])
        #expect(abs((outcome.value ?? 0) - 0.8) < 1e-12)
    }

    @Test func aFormUnderTheMinimumOrWithoutWeightDoesNotCount() {
        // PKS02 has 9 answers (< 10) and PKS05 weighs 0: only PKS01 counts.
        let outcome = index.outcome([
            "PKS01": Result(answers: 12, satisfiedShare: 0.75), "PKS02": Result(answers: 9, satisfiedShare: 0.1),
            "PKS05": Result(answers: 500, satisfiedShare: 0.2), "PKS07": Result(answers: 500, satisfiedShare: 0.2),
        ])
        #expect(outcome == .index(0.75))
        #expect(!index.counts("PKS02", Result(answers: 9, satisfiedShare: 0.1)))
        #expect(index.counts("PKS02", Result(answers: 10, satisfiedShare: 0.1)))
        #expect(!index.counts("PKS03", Result(answers: 10, satisfiedShare: nil)))
    }

    @Test func unrankedSaysWhy() {
        #expect(index.outcome([:]) == .unranked(.noAnswers))
        #expect(index.outcome(["PKS05": Result(answers: 90, satisfiedShare: 1)]) == .unranked(.noAnswers))
        #expect(
            index.outcome(["PKS02": Result(answers: 3, satisfiedShare: 1)]) == .unranked(.tooFewAnswers(minimum: 10)))
    }

    @Test func campaignsOfAFormPoolByAnswers() {
        // (30 × 0.5 + 10 × 0.9) / 40 = 0.6; the part without a share adds answers but no weight.
        let pooled = Result.pooling([
            Result(answers: 30, satisfiedShare: 0.5), Result(answers: 10, satisfiedShare: 0.9),
            Result(answers: 5, satisfiedShare: nil), Result(answers: 0, satisfiedShare: 0.1),
        ])
        #expect(pooled.answers == 45)
        #expect(abs((pooled.satisfiedShare ?? 0) - 0.6) < 1e-12)
        #expect(Result.pooling([Result(answers: 4, satisfiedShare: nil)]).satisfiedShare == nil)
    }

    @Test func tiesShareARankAndTheNextSkips() {
        let units: [(String, Double)] = [("07210", 0.8), ("07201", 0.9), ("07204", 0.8), ("07207", 0.7)]
        let places = CompetitionRanking.rank(units, code: { $0.0 }, value: { $0.1 })
        #expect(places.map(\.item.0) == ["07201", "07204", "07210", "07207"])
        #expect(places.map(\.rank) == [1, 2, 2, 4])
        // Equal to the last bits: (0.7 + 0.9) / 2 and 0.8 are the same value.
        let close = CompetitionRanking.rank([("a", (0.7 + 0.9) / 2), ("b", 0.8)], code: { $0.0 }, value: { $0.1 })
        #expect(close.map(\.rank) == [1, 1])
    }
}
