import Survey

/// A dossier as its page shows it: the row, the unit, its criteria set, every score ever given (oldest first), the
/// timeline and the documents present.
public struct Dossier: Sendable {
    public let record: DossierRecord
    public let subject: DossierSubject
    public let criteriaSet: CriteriaSet
    public let history: [DossierScore]
    public let events: [DossierEvent]
    public let documents: [DossierDocument]

    /// The newest score of each criterion at a stage.
    public func current(_ stage: ScoreStage) -> [String: DossierScore] {
        var scores: [String: DossierScore] = [:]
        for score in history where score.stage == stage { scores[score.criterionCode] = score }
        return scores
    }

    public func points(_ stage: ScoreStage) -> [String: Double] { current(stage).mapValues(\.points) }

    /// The stage's total over the scorable criteria; nil when nothing is scored at that stage.
    public func total(_ stage: ScoreStage) -> Double? {
        let points = points(stage)
        guard !points.isEmpty else { return nil }
        return criteriaSet.scorable.reduce(0.0) { $0 + (points[$1.code] ?? 0) }
    }

    /// The points the decision rests on: per criterion, the province's, else the district's, else the self score.
    public var finalPoints: [String: Double] {
        points(.selfAssessment).merging(points(.district)) { $1 }.merging(points(.province)) { $1 }
    }

    public var documentKinds: Set<String> { Set(documents.map(\.kindCode)) }

    public var missingDocuments: [DossierDocumentKind] {
        DossierWorkflow.missingDocuments(criteriaSet, present: documentKinds)
    }

    public func facts(comment: String = "", decisionComplete: Bool = false) -> DossierWorkflow.Facts {
        var scores: [ScoreStage: [String: Double]] = [:]
        for stage in ScoreStage.allCases { scores[stage] = points(stage) }
        return DossierWorkflow.Facts(
            scores: scores, documents: documentKinds, comment: comment, decisionComplete: decisionComplete)
    }

    /// The satisfaction points a reviewer starts from: the subject's recorded proposal.
    public var recordedProposal: Double? {
        criteriaSet.satisfactionCriterion.flatMap { current(.selfAssessment)[$0.code]?.points }
    }
}
