import Database
import Survey

/// The recognition dossiers: one per year and unit code. Reading one (`dossier`), starting it (`open`: the
/// subject opening its page is the registration), scores (`saveScores`, every change a new row) and the steps of
/// the workflow (`perform`), each checked by `DossierWorkflow` before anything is written, recorded on the
/// dossier's timeline and in the audit log in the same transaction. Documents are in DossierStore+Documents.swift.
public struct DossierStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// One score as a form sends it.
    public struct ScoreEntry: Sendable, Hashable {
        public let code: String
        public let points: Double
        public let note: String

        public init(code: String, points: Double, note: String) {
            self.code = code
            self.points = points
            self.note = note
        }
    }

    /// The province's decision.
    public struct Decision: Sendable, Hashable {
        public let recognised: Bool
        public let number: String
        public let date: LocalDate

        public init(recognised: Bool, number: String, date: LocalDate) {
            self.recognised = recognised
            self.number = number
            self.date = date
        }
    }

    /// The unit by code (commune or district); a 404 otherwise.
    public func subject(code: String) throws -> DossierSubject {
        guard let subject = try DossierSubject.find(connection, code: code) else { throw DossierError.noUnit }
        return subject
    }

    /// The unit and the user's part on its dossier; refuses a user outside the scope.
    public func subject(code: String, for user: AuthenticatedUser) throws -> (DossierSubject, DossierActor) {
        let subject = try subject(code: code)
        guard let actor = subject.actor(for: user) else { throw DossierError.outOfScope }
        return (subject, actor)
    }

    public func dossier(year: Int, code: String) throws -> Dossier? {
        guard
            let row = try connection.queryOne(
                "\(DossierRecord.columns) WHERE year = ? AND unit_code = ?", [year, code])
        else { return nil }
        let record = try DossierRecord(row: row)
        guard let set = try CriteriaSetStore(connection).set(id: record.criteriaSetID) else { return nil }
        let subject = try subject(code: code)
        let history = try connection.query(
            """
            SELECT id, criterion_code, stage, points, note, username, at FROM dossier_scores
            WHERE dossier_id = ? ORDER BY id
            """, [record.id]
        ).map { row in
            DossierScore(
                id: try row.int64("id"), criterionCode: try row.string("criterion_code"),
                stage: ScoreStage(rawValue: try row.string("stage")) ?? .selfAssessment,
                points: try row.double("points"), note: try row.string("note"), username: try row.string("username"),
                at: try row.int64("at"))
        }
        let events = try connection.query(
            """
            SELECT id, action, from_state, to_state, note, username, at FROM dossier_events
            WHERE dossier_id = ? ORDER BY id
            """, [record.id]
        ).map { row in
            DossierEvent(
                id: try row.int64("id"), action: try row.string("action"),
                fromState: try row.optionalString("from_state").flatMap { DossierState(rawValue: $0) },
                toState: DossierState(rawValue: try row.string("to_state")) ?? .draft, note: try row.string("note"),
                username: try row.string("username"), at: try row.int64("at"))
        }
        return Dossier(
            record: record, subject: subject, criteriaSet: set, history: history, events: events,
            documents: try documents(dossierID: record.id))
    }

    /// The dossier, started as a draft with the year's current set when the subject opens it for the first
    /// time. Only the subject starts one (district and province read "not started" instead).
    public func open(year: Int, code: String, by user: AuthenticatedUser, now: Int64) throws -> Dossier {
        if let existing = try dossier(year: year, code: code) { return existing }
        let (subject, actor) = try subject(code: code, for: user)
        guard actor == .subject else { throw DossierError.noDossier }
        guard let set = try CriteriaSetStore(connection).current(year: year, kind: subject.kind) else {
            throw DossierError.noSet
        }
        try connection.transaction {
            try connection.run(
                """
                INSERT INTO dossiers (year, unit_code, unit_id, subject_kind, criteria_set_id, state, created_at,
                                      updated_at)
                VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)
                """, [year, code, subject.unitID, subject.kind.rawValue, set.id, now, now])
            let id = connection.lastInsertRowID
            try event(id, action: "start", from: nil, to: .draft, note: set.title, by: user, now: now)
            try AuditLog(connection).record(
                user, action: .dossierStart, detail: "\(year) · \(code) · \(set.title)", at: now)
        }
        guard let dossier = try dossier(year: year, code: code) else { throw DossierError.noDossier }
        return dossier
    }

    /// Stores the scores the actor gives at the stage the state allows: only changed ones make new rows. The
    /// subject's satisfaction score is the proposal from `satisfactionShare` (the year's index, 0–1), recorded
    /// here too; a reviewer's differing from the recorded proposal needs a reason.
    public func saveScores(
        year: Int, code: String, entries: [ScoreEntry], satisfactionShare: Double?, by user: AuthenticatedUser,
        now: Int64
    ) throws {
        let (dossier, actor) = try load(year: year, code: code, for: user)
        let state = dossier.record.state
        guard let scoring = DossierWorkflow.scoring(state, kind: dossier.criteriaSet.subjectKind) else {
            throw DossierError.rule(.notNow(.saveScores, state))
        }
        guard scoring.actor == actor else { throw DossierError.rule(.notYourStep(.saveScores)) }
        let proposed = dossier.recordedProposal ?? dossier.criteriaSet.bands.points(forShare: satisfactionShare)
        do {
            for entry in entries {
                try DossierWorkflow.checkScore(
                    code: entry.code, points: entry.points, note: entry.note, stage: scoring.stage,
                    set: dossier.criteriaSet,
                    proposed: proposed)
            }
        } catch let error as DossierRuleError {
            throw DossierError.rule(error)
        }
        try connection.transaction {
            let current = dossier.current(scoring.stage)
            var changed: [String] = []
            for entry in entries {
                let note = entry.note.dossierTrimmed
                if let before = current[entry.code], abs(before.points - entry.points) < 1e-9, before.note == note {
                    continue
                }
                try score(dossier.record.id, entry.code, scoring.stage, entry.points, note, by: user, now: now)
                changed.append("\(entry.code)=\(DossierText.points(entry.points))")
            }
            if scoring.stage == .selfAssessment {
                try recordProposal(dossier, share: satisfactionShare, by: user, now: now)
            }
            try touch(dossier.record.id, now: now)
            if !changed.isEmpty {
                try AuditLog(connection).record(
                    user, action: .dossierScores,
                    detail: "\(year) · \(code) · \(scoring.stage.label): \(changed.joined(separator: "; "))", at: now)
            }
        }
    }

    /// A step of the workflow (submit, return, forward, decide), checked by `DossierWorkflow`; the subject's
    /// submission records the satisfaction proposal first, so it is what the district reviews.
    public func perform(
        _ action: DossierAction, year: Int, code: String, comment: String = "", decision: Decision? = nil,
        satisfactionShare: Double? = nil, by user: AuthenticatedUser, now: Int64
    ) throws {
        guard action != .saveScores else { throw DossierError(.invalid, "Hãy chọn một bước của hồ sơ.") }
        var (dossier, actor) = try load(year: year, code: code, for: user)
        let note = comment.dossierTrimmed
        if let decision, decision.number.dossierTrimmed.count > 60 {
            throw DossierError(.invalid, "Số quyết định dài tối đa 60 ký tự.")
        }
        try connection.transaction {
            if action == .submit, actor == .subject, dossier.record.state.isEditableBySubject {
                try recordProposal(dossier, share: satisfactionShare, by: user, now: now)
                dossier = try self.dossier(year: year, code: code) ?? dossier
            }
            let complete = decision.map { !$0.number.dossierTrimmed.isEmpty } ?? false
            let target: DossierState
            do {
                target = try DossierWorkflow.check(
                    action, state: dossier.record.state, actor: actor, set: dossier.criteriaSet,
                    facts: dossier.facts(comment: note, decisionComplete: complete))
            } catch let error as DossierRuleError {
                throw DossierError.rule(error)
            }
            if action == .decide, let decision {
                try connection.run(
                    """
                    UPDATE dossiers SET state = ?, recognised = ?, decision_number = ?, decision_date = ?,
                                        updated_at = ?
                    WHERE id = ?
                    """,
                    [
                        target.rawValue, decision.recognised, decision.number.dossierTrimmed,
                        decision.date.iso, now, dossier.record.id,
                    ])
            } else {
                try connection.run(
                    "UPDATE dossiers SET state = ?, updated_at = ? WHERE id = ?",
                    [target.rawValue, now, dossier.record.id])
            }
            var detail = note
            if action == .decide, let decision {
                detail =
                    "\(decision.recognised ? "Công nhận" : "Không công nhận") · quyết định số \(decision.number) ngày \(decision.date.vietnamese)"
                    + (note.isEmpty ? "" : " · \(note)")
            }
            try event(
                dossier.record.id, action: action.rawValue, from: dossier.record.state, to: target, note: detail,
                by: user, now: now)
            let audit: AuditAction =
                switch action {
                case .submit: .dossierSubmit
                case .returnForChanges: .dossierReturn
                case .forward: .dossierForward
                default: .dossierDecide
                }
            try AuditLog(connection).record(
                user, action: audit, detail: "\(year) · \(code)" + (detail.isEmpty ? "" : " · \(detail)"), at: now)
        }
    }

    // MARK: - Helpers

    func load(year: Int, code: String, for user: AuthenticatedUser) throws -> (Dossier, DossierActor) {
        let (_, actor) = try subject(code: code, for: user)
        guard let dossier = try dossier(year: year, code: code) else { throw DossierError.noDossier }
        return (dossier, actor)
    }

    /// The subject's satisfaction score: the points the year's index maps to, with the index in the note; a new
    /// row only when it changed.
    private func recordProposal(_ dossier: Dossier, share: Double?, by user: AuthenticatedUser, now: Int64) throws {
        guard let criterion = dossier.criteriaSet.satisfactionCriterion else { return }
        let points = dossier.criteriaSet.bands.points(forShare: share)
        let note = DossierText.proposalNote(share)
        if let before = dossier.current(.selfAssessment)[criterion.code], before.points == points, before.note == note {
            return
        }
        try score(dossier.record.id, criterion.code, .selfAssessment, points, note, by: user, now: now)
    }

    private func score(
        _ dossierID: Int64, _ code: String, _ stage: ScoreStage, _ points: Double, _ note: String,
        by user: AuthenticatedUser, now: Int64
    ) throws {
        try connection.run(
            """
            INSERT INTO dossier_scores (dossier_id, criterion_code, stage, points, note, user_id, username, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [dossierID, code, stage.rawValue, points, note, user.id, user.username, now])
    }

    private func event(
        _ dossierID: Int64, action: String, from: DossierState?, to: DossierState, note: String,
        by user: AuthenticatedUser, now: Int64
    ) throws {
        try connection.run(
            """
            INSERT INTO dossier_events (dossier_id, action, from_state, to_state, note, user_id, username, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [dossierID, action, from?.rawValue, to.rawValue, note, user.id, user.username, now])
    }

    func touch(_ dossierID: Int64, now: Int64) throws {
        try connection.run("UPDATE dossiers SET updated_at = ? WHERE id = ?", [now, dossierID])
    }
}
