/// The dossier's path as a pure state machine: which action leads from which state to which, who takes each step,
/// and what each step needs. The stores ask it before writing anything; `DossierWorkflowTests` run it alone.
///
/// | action            | commune dossier                   | district committee dossier |
/// |-------------------|-----------------------------------|----------------------------|
/// | submit            | subject: draft/returned → submitted (every criterion self-scored, required subject documents) | same |
/// | return            | reviewer: submitted → returned (a comment) | province: submitted → returned |
/// | forward           | reviewer: submitted → district_reviewed (every criterion scored by the district, required reviewer documents) | — |
/// | decide            | province: district_reviewed → decided (recognised or not, number, date) | province: submitted → decided (every criterion scored by the province) |
/// | save scores       | at the stage of the state: self in draft/returned, district in submitted, province in district_reviewed | self in draft/returned, province in submitted |
public enum DossierWorkflow {
    /// What a step is checked against: the current points per stage, the document kinds present, the comment and
    /// whether the decision's fields are all given.
    public struct Facts: Sendable {
        public var scores: [ScoreStage: [String: Double]]
        public var documents: Set<String>
        public var comment: String
        public var decisionComplete: Bool

        public init(
            scores: [ScoreStage: [String: Double]] = [:], documents: Set<String> = [], comment: String = "",
            decisionComplete: Bool = false
        ) {
            self.scores = scores
            self.documents = documents
            self.comment = comment
            self.decisionComplete = decisionComplete
        }
    }

    /// The stage whose scores may be entered in this state, and who enters them; nil once decided.
    public static func scoring(_ state: DossierState, kind: DossierSubjectKind) -> (
        stage: ScoreStage, actor: DossierActor
    )? {
        switch state {
        case .draft, .returned: (.selfAssessment, .subject)
        case .submitted: kind.hasReview ? (.district, .reviewer) : (.province, .province)
        case .districtReviewed: kind.hasReview ? (.province, .province) : nil
        case .decided: nil
        }
    }

    /// Where an action leads from a state and who takes it; nil when it does not exist there.
    public static func step(_ action: DossierAction, from state: DossierState, kind: DossierSubjectKind) -> (
        to: DossierState, actor: DossierActor
    )? {
        switch (action, state) {
        case (.saveScores, _):
            return scoring(state, kind: kind).map { (state, $0.actor) }
        case (.submit, .draft), (.submit, .returned):
            return (.submitted, .subject)
        case (.returnForChanges, .submitted):
            return (.returned, kind.hasReview ? .reviewer : .province)
        case (.forward, .submitted):
            return kind.hasReview ? (.districtReviewed, .reviewer) : nil
        case (.decide, .districtReviewed):
            return kind.hasReview ? (.decided, .province) : nil
        case (.decide, .submitted):
            return kind.hasReview ? nil : (.decided, .province)
        default:
            return nil
        }
    }

    /// The actions this actor may take now (the forms the page offers).
    public static func actions(_ state: DossierState, actor: DossierActor, kind: DossierSubjectKind)
        -> [DossierAction]
    {
        DossierAction.allCases.filter { step($0, from: state, kind: kind)?.actor == actor }
    }

    /// The state after the action, or the reason it is refused.
    public static func check(
        _ action: DossierAction, state: DossierState, actor: DossierActor, set: CriteriaSet, facts: Facts
    ) throws -> DossierState {
        guard let step = step(action, from: state, kind: set.subjectKind) else {
            throw DossierRuleError.notNow(action, state)
        }
        guard step.actor == actor else { throw DossierRuleError.notYourStep(action) }
        func requireScores(_ stage: ScoreStage) throws {
            let given = facts.scores[stage] ?? [:]
            let missing = set.scorable.filter { given[$0.code] == nil }.map(\.code)
            if !missing.isEmpty { throw DossierRuleError.missingScores(stage, codes: missing) }
        }
        func requireDocuments(_ uploader: DossierDocumentKind.Uploader) throws {
            let missing = missingDocuments(set, present: facts.documents, uploadedBy: uploader)
            if !missing.isEmpty { throw DossierRuleError.missingDocuments(missing.map(\.title)) }
        }
        switch action {
        case .saveScores:
            break
        case .submit:
            try requireScores(.selfAssessment)
            try requireDocuments(.subject)
        case .returnForChanges:
            if facts.comment.allSatisfy(\.isWhitespace) { throw DossierRuleError.commentRequired }
        case .forward:
            try requireScores(.district)
            try requireDocuments(.reviewer)
        case .decide:
            if !set.subjectKind.hasReview { try requireScores(.province) }
            if !facts.decisionComplete { throw DossierRuleError.decisionIncomplete }
        }
        return step.to
    }

    /// Required documents of one uploader not present.
    public static func missingDocuments(
        _ set: CriteriaSet, present: Set<String>, uploadedBy uploader: DossierDocumentKind.Uploader? = nil
    ) -> [DossierDocumentKind] {
        set.documentKinds.filter {
            $0.required && !present.contains($0.code) && (uploader == nil || $0.uploadedBy == uploader)
        }
    }

    /// Checks one score before it is stored: a scorable criterion of the set, points from 0 to its maximum; the
    /// satisfaction criterion is never scored by the subject (proposed from the year's results) and a reviewer's
    /// or the province's points that differ from the proposal need a reason.
    public static func checkScore(
        code: String, points: Double, note: String, stage: ScoreStage, set: CriteriaSet, proposed: Double
    ) throws {
        guard let criterion = set.criterion(code) else { throw DossierRuleError.unknownCriterion(code) }
        guard set.children(of: code).isEmpty else { throw DossierRuleError.notScorable(code) }
        guard points.isFinite, points >= 0, points <= criterion.maxPoints + 1e-9 else {
            throw DossierRuleError.pointsOutOfRange(code: code, max: criterion.maxPoints)
        }
        guard criterion.isSatisfaction else { return }
        if stage == .selfAssessment { throw DossierRuleError.satisfactionProposed }
        if abs(points - proposed) > 1e-9, note.allSatisfy(\.isWhitespace) {
            throw DossierRuleError.adjustmentNeedsReason(code: code, proposed: proposed)
        }
    }
}
