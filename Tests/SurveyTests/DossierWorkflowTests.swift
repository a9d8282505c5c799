import Testing

@testable import Survey

/// The recognition dossier's rules alone: every transition and who may take it, what each step needs, the pass
/// rule, and the satisfaction points at the edges of their bands.
@Suite struct DossierWorkflowTests {
    static let bands = SatisfactionBands([
        .init(minimumIndex: 0, points: 0), .init(minimumIndex: 50, points: 5), .init(minimumIndex: 85, points: 18),
        .init(minimumIndex: 90, points: 20), .init(minimumIndex: 80, points: 16),
    ])

    /// Criterion 1 (10 = 1.1 6 + 1.2 4, minimum 5), 2 (10), 3 the satisfaction criterion (20); pass total 30.
    static func set(_ kind: DossierSubjectKind = .commune) -> CriteriaSet {
        CriteriaSet(
            id: 1, year: 2024, subjectKind: kind, version: 1, title: "Bộ thử", passTotal: 30,
            criteria: [
                Criterion(code: "1", title: "Một", maxPoints: 10, minimumPoints: 5),
                Criterion(code: "1.1", parentCode: "1", title: "Một một", maxPoints: 6),
                Criterion(code: "1.2", parentCode: "1", title: "Một hai", maxPoints: 4),
                Criterion(code: "2", title: "Hai", maxPoints: 10),
                Criterion(code: "3", title: "Hài lòng", maxPoints: 20, isSatisfaction: true),
            ],
            bands: bands,
            documentKinds: [
                DossierDocumentKind(code: "to_trinh", title: "Tờ trình", required: true, uploadedBy: .subject),
                DossierDocumentKind(code: "mo_hinh", title: "Đăng ký mô hình", required: false, uploadedBy: .subject),
                DossierDocumentKind(code: "phe_duyet", title: "Phê duyệt", required: true, uploadedBy: .reviewer),
            ])
    }

    static let full: [String: Double] = ["1.1": 6, "1.2": 4, "2": 10, "3": 20]

    @Test func satisfactionPointsAtTheBandEdges() {
        let bands = Self.bands
        #expect(bands.points(forIndex: 100) == 20)
        #expect(bands.points(forIndex: 90) == 20)
        #expect(bands.points(forIndex: 89.999) == 18)
        #expect(bands.points(forIndex: 85) == 18)
        #expect(bands.points(forIndex: 84.99) == 16)
        #expect(bands.points(forIndex: 80) == 16)
        #expect(bands.points(forIndex: 79.99) == 5)
        #expect(bands.points(forIndex: 50) == 5)
        #expect(bands.points(forIndex: 49.99) == 0)
        #expect(bands.points(forIndex: 0) == 0)
        #expect(bands.points(forIndex: nil) == 0)
        // A share of 0.9 is 89.99999999999999 once multiplied: still the "≥ 90" band.
        #expect(bands.points(forShare: 0.9) == 20)
        #expect(bands.points(forShare: 0.85) == 18)
        #expect(bands.points(forShare: nil) == 0)
        #expect(SatisfactionBands([.init(minimumIndex: 60, points: 8)]).points(forIndex: 59) == 0)
    }

    @Test func passRuleTotalAndPerCriterionMinimum() {
        let set = Self.set()
        #expect(set.scorable.map(\.code) == ["1.1", "1.2", "2", "3"])
        #expect(set.maxTotal == 40)
        #expect(set.verdict(Self.full).passes)
        #expect(set.verdict(Self.full).total == 40)
        // Exactly the pass total passes; a quarter below does not.
        let atTotal = set.verdict(["1.1": 5, "1.2": 0, "2": 5, "3": 20])
        #expect(atTotal.total == 30 && atTotal.passes)
        let below = set.verdict(["1.1": 5, "1.2": 0, "2": 4.75, "3": 20])
        #expect(!below.passes)
        #expect(below.shortfalls == [.total(total: 29.75, required: 30)])
        // Criterion 1 under its minimum (1.1 + 1.2 = 4.5 < 5) fails even with the total reached.
        let underMinimum = set.verdict(["1.1": 4, "1.2": 0.5, "2": 10, "3": 20])
        #expect(underMinimum.total == 34.5)
        #expect(underMinimum.shortfalls == [.criterion(code: "1", points: 4.5, required: 5)])
        #expect(!underMinimum.passes)
        // Missing points: no verdict yet.
        let partial = set.verdict(["1.1": 6, "2": 10, "3": 20])
        #expect(partial.missing == ["1.2"] && !partial.passes)
    }

    @Test func aCommuneDossierGoesThroughReviewToTheDecision() throws {
        let set = Self.set()
        var facts = DossierWorkflow.Facts(scores: [.selfAssessment: Self.full], documents: ["to_trinh"])
        #expect(
            try DossierWorkflow.check(.submit, state: .draft, actor: .subject, set: set, facts: facts) == .submitted)
        #expect(
            try DossierWorkflow.check(.submit, state: .returned, actor: .subject, set: set, facts: facts) == .submitted)
        facts.comment = "Bổ sung báo cáo"
        #expect(
            try DossierWorkflow.check(.returnForChanges, state: .submitted, actor: .reviewer, set: set, facts: facts)
                == .returned)
        facts.scores[.district] = Self.full
        facts.documents.insert("phe_duyet")
        #expect(
            try DossierWorkflow.check(.forward, state: .submitted, actor: .reviewer, set: set, facts: facts)
                == .districtReviewed)
        facts.decisionComplete = true
        #expect(
            try DossierWorkflow.check(.decide, state: .districtReviewed, actor: .province, set: set, facts: facts)
                == .decided)
    }

    @Test func eachStepIsTakenByItsActorOnly() {
        let set = Self.set()
        let facts = DossierWorkflow.Facts(
            scores: [.selfAssessment: Self.full, .district: Self.full, .province: Self.full],
            documents: ["to_trinh", "phe_duyet"], comment: "x", decisionComplete: true)
        let cases: [(DossierAction, DossierState, DossierActor)] = [
            (.submit, .draft, .subject), (.returnForChanges, .submitted, .reviewer), (.forward, .submitted, .reviewer),
            (.decide, .districtReviewed, .province), (.saveScores, .draft, .subject),
            (.saveScores, .submitted, .reviewer), (.saveScores, .districtReviewed, .province),
        ]
        for (action, state, allowed) in cases {
            for actor in [DossierActor.subject, .reviewer, .province] where actor != allowed {
                #expect(throws: DossierRuleError.notYourStep(action)) {
                    try DossierWorkflow.check(action, state: state, actor: actor, set: set, facts: facts)
                }
            }
            #expect(throws: Never.self) {
                try DossierWorkflow.check(action, state: state, actor: allowed, set: set, facts: facts)
            }
        }
        #expect(
            DossierWorkflow.actions(.submitted, actor: .reviewer, kind: .commune) == [
                .saveScores, .returnForChanges, .forward,
            ])
        #expect(DossierWorkflow.actions(.decided, actor: .province, kind: .commune).isEmpty)
        #expect(DossierWorkflow.actions(.draft, actor: .reviewer, kind: .commune).isEmpty)
    }

    @Test func stepsThatDoNotExistInAStateAreRefused() {
        let set = Self.set()
        let facts = DossierWorkflow.Facts(comment: "x", decisionComplete: true)
        for (action, state) in [
            (DossierAction.submit, DossierState.submitted), (.submit, .decided), (.forward, .draft),
            (.forward, .returned), (.decide, .submitted), (.returnForChanges, .draft),
            (.returnForChanges, .districtReviewed), (.saveScores, .decided),
        ] {
            #expect(throws: DossierRuleError.notNow(action, state)) {
                try DossierWorkflow.check(action, state: state, actor: .province, set: set, facts: facts)
            }
        }
    }

    @Test func whatEachStepNeeds() {
        let set = Self.set()
        #expect(throws: DossierRuleError.missingScores(.selfAssessment, codes: ["1.2", "3"])) {
            try DossierWorkflow.check(
                .submit, state: .draft, actor: .subject, set: set,
                facts: .init(scores: [.selfAssessment: ["1.1": 1, "2": 1]], documents: ["to_trinh"]))
        }
        // The optional document and the reviewer's document are not the subject's to provide.
        #expect(throws: DossierRuleError.missingDocuments(["Tờ trình"])) {
            try DossierWorkflow.check(
                .submit, state: .draft, actor: .subject, set: set,
                facts: .init(scores: [.selfAssessment: Self.full], documents: ["mo_hinh"]))
        }
        #expect(throws: DossierRuleError.commentRequired) {
            try DossierWorkflow.check(
                .returnForChanges, state: .submitted, actor: .reviewer, set: set, facts: .init(comment: "  "))
        }
        #expect(throws: DossierRuleError.missingScores(.district, codes: ["3"])) {
            try DossierWorkflow.check(
                .forward, state: .submitted, actor: .reviewer, set: set,
                facts: .init(scores: [.district: ["1.1": 6, "1.2": 4, "2": 10]], documents: ["phe_duyet"]))
        }
        #expect(throws: DossierRuleError.missingDocuments(["Phê duyệt"])) {
            try DossierWorkflow.check(
                .forward, state: .submitted, actor: .reviewer, set: set,
                facts: .init(scores: [.district: Self.full], documents: ["to_trinh"]))
        }
        #expect(throws: DossierRuleError.decisionIncomplete) {
            try DossierWorkflow.check(.decide, state: .districtReviewed, actor: .province, set: set, facts: .init())
        }
    }

    @Test func aDistrictCommitteeIsScoredAndDecidedByTheProvince() throws {
        let set = Self.set(.districtCommittee)
        #expect(DossierWorkflow.scoring(.submitted, kind: .districtCommittee)?.stage == .province)
        #expect(DossierWorkflow.step(.forward, from: .submitted, kind: .districtCommittee) == nil)
        #expect(throws: DossierRuleError.notYourStep(.returnForChanges)) {
            try DossierWorkflow.check(
                .returnForChanges, state: .submitted, actor: .reviewer, set: set, facts: .init(comment: "x"))
        }
        #expect(throws: DossierRuleError.missingScores(.province, codes: ["1.1", "1.2", "2", "3"])) {
            try DossierWorkflow.check(
                .decide, state: .submitted, actor: .province, set: set, facts: .init(decisionComplete: true))
        }
        let decided = try DossierWorkflow.check(
            .decide, state: .submitted, actor: .province, set: set,
            facts: .init(scores: [.province: Self.full], decisionComplete: true))
        #expect(decided == .decided)
        #expect(DossierActor.reviewer.stage(.districtCommittee) == nil)
    }

    @Test func scoresAreCheckedAndTheSatisfactionProposalIsKept() {
        let set = Self.set()
        #expect(throws: DossierRuleError.pointsOutOfRange(code: "2", max: 10)) {
            try DossierWorkflow.checkScore(
                code: "2", points: 10.5, note: "", stage: .selfAssessment, set: set, proposed: 0)
        }
        #expect(throws: DossierRuleError.pointsOutOfRange(code: "2", max: 10)) {
            try DossierWorkflow.checkScore(
                code: "2", points: -1, note: "", stage: .selfAssessment, set: set, proposed: 0)
        }
        #expect(throws: DossierRuleError.notScorable("1")) {
            try DossierWorkflow.checkScore(
                code: "1", points: 5, note: "", stage: .selfAssessment, set: set, proposed: 0)
        }
        #expect(throws: DossierRuleError.unknownCriterion("9")) {
            try DossierWorkflow.checkScore(
                code: "9", points: 5, note: "", stage: .selfAssessment, set: set, proposed: 0)
        }
        #expect(throws: DossierRuleError.satisfactionProposed) {
            try DossierWorkflow.checkScore(
                code: "3", points: 18, note: "", stage: .selfAssessment, set: set, proposed: 18)
        }
        // The district keeps the proposal without a word, or changes it with a reason.
        #expect(throws: Never.self) {
            try DossierWorkflow.checkScore(code: "3", points: 18, note: "", stage: .district, set: set, proposed: 18)
        }
        #expect(throws: DossierRuleError.adjustmentNeedsReason(code: "3", proposed: 18)) {
            try DossierWorkflow.checkScore(code: "3", points: 16, note: " ", stage: .district, set: set, proposed: 18)
        }
        #expect(throws: Never.self) {
            try DossierWorkflow.checkScore(
                code: "3", points: 16, note: "Phiếu PKS05 tập trung một ngày", stage: .district, set: set,
                proposed: 18)
        }
        #expect(DossierRuleError.adjustmentNeedsReason(code: "3", proposed: 12.5).message.contains("12,5"))
    }

    @Test func aSetWhoseSubCriteriaDoNotAddUpIsRefused() {
        let good = Self.set()
        #expect(good.problems().isEmpty)
        let bad = CriteriaSet(
            id: 2, year: 2024, subjectKind: .commune, version: 1, title: "Sai", passTotal: 50,
            criteria: [
                Criterion(code: "1", title: "Một", maxPoints: 10, minimumPoints: 12),
                Criterion(code: "1.1", parentCode: "1", title: "Một một", maxPoints: 6),
                Criterion(code: "2", title: "Hài lòng", maxPoints: 5, isSatisfaction: true),
            ],
            bands: SatisfactionBands([.init(minimumIndex: 0, points: 8)]), documentKinds: [])
        let problems = bad.problems()
        #expect(problems.count == 4)
        #expect(problems.contains { $0.contains("cộng lại") })
    }
}
