/// The part an account plays on one dossier: the unit it is about, its reviewer (the district of a commune), or
/// the province. Anyone else has no part (the scope check refuses them before the rules are asked).
public enum DossierActor: Sendable, Hashable {
    case subject
    case reviewer
    case province

    /// The stage at which this actor scores a dossier of that kind: a district committee has no reviewer.
    public func stage(_ kind: DossierSubjectKind) -> ScoreStage? {
        switch self {
        case .subject: .selfAssessment
        case .reviewer: kind.hasReview ? .district : nil
        case .province: .province
        }
    }
}
