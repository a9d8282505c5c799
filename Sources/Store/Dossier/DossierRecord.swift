import Database
import Survey

/// One dossier's row: its unit, set, state and decision.
public struct DossierRecord: Sendable, Hashable {
    public let id: Int64
    public let year: Int
    public let unitCode: String
    public let unitID: Int64
    public let kind: DossierSubjectKind
    public let criteriaSetID: Int64
    public let state: DossierState
    /// Set once decided.
    public let recognised: Bool?
    public let decisionNumber: String?
    public let decisionDate: LocalDate?
    public let createdAt: Int64
    public let updatedAt: Int64

    static let columns = """
        SELECT id, year, unit_code, unit_id, subject_kind, criteria_set_id, state, recognised, decision_number,
               decision_date, created_at, updated_at FROM dossiers
        """

    init(row: Row) throws {
        id = try row.int64("id")
        year = try row.int("year")
        unitCode = try row.string("unit_code")
        unitID = try row.int64("unit_id")
        kind = DossierSubjectKind(rawValue: try row.string("subject_kind")) ?? .commune
        criteriaSetID = try row.int64("criteria_set_id")
        state = DossierState(rawValue: try row.string("state")) ?? .draft
        recognised = try row.optionalInt("recognised").map { $0 == 1 }
        decisionNumber = try row.optionalString("decision_number")
        decisionDate = try row.optionalString("decision_date").flatMap { LocalDate(iso: $0) }
        createdAt = try row.int64("created_at")
        updatedAt = try row.int64("updated_at")
    }
}

/// One score as given: a change is a new one, so these are the history.
public struct DossierScore: Sendable, Hashable {
    public let id: Int64
    public let criterionCode: String
    public let stage: ScoreStage
    public let points: Double
    public let note: String
    public let username: String
    public let at: Int64
}

/// One step of the dossier's timeline.
public struct DossierEvent: Sendable, Hashable {
    public let id: Int64
    /// A `DossierAction` raw value, or "start".
    public let action: String
    public let fromState: DossierState?
    public let toState: DossierState
    public let note: String
    public let username: String
    public let at: Int64

    public var label: String {
        action == "start" ? "Lập hồ sơ" : DossierAction(rawValue: action)?.label ?? action
    }
}

/// A stored upload of the dossier (the file is in the content-addressed store under `contentHash`).
public struct DossierDocument: Sendable, Hashable {
    public let id: Int64
    public let kindCode: String
    public let contentHash: String
    public let size: Int
    public let mediaType: String
    /// As the uploader's computer named it, made harmless (`DossierStore.safeFileName`).
    public let fileName: String
    public let username: String
    public let uploadedAt: Int64
}
