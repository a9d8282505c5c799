import Database
import Survey

extension DossierStore {
    /// Every unit of a kind in the unit set in force (communes, or districts for their committees), with its
    /// dossier of the year if started, in district then code order. `district` narrows communes to one district;
    /// `startedOnly` leaves out the units without a dossier (the year API: a few key lookups instead of 3,321 rows
    /// at national scale before the dossiers start).
    public func list(
        year: Int, kind: DossierSubjectKind = .commune, district: String? = nil, startedOnly: Bool = false
    ) throws -> [DossierListItem] {
        let level = kind == .commune ? "commune" : "district"
        let rows = try connection.query(
            """
            SELECT u.code AS code, u.name AS name, p.code AS district_code, p.name AS district_name,
                   d.id AS dossier_id, d.state AS state, d.criteria_set_id AS set_id, d.recognised AS recognised,
                   d.decision_number AS decision_number, d.decision_date AS decision_date
            FROM units u
            LEFT JOIN units p ON p.id = u.parent_id AND p.level = 'district'
            \(startedOnly ? "JOIN" : "LEFT JOIN") dossiers d ON d.year = ? AND d.unit_code = u.code
            WHERE u.unit_set_id = (SELECT max(unit_set_id) FROM units) AND u.level = ?
              AND (? IS NULL OR p.code = ?)
            ORDER BY p.code, u.code
            """, [year, level, district, district])
        let totals = try stageTotals(year: year)
        let present = try presentKinds(year: year)
        var sets: [Int64: CriteriaSet] = [:]
        let store = CriteriaSetStore(connection)
        return try rows.map { row in
            let dossierID = try row.optionalInt64("dossier_id")
            var missing: [String] = []
            var passes: Bool?
            var stageTotals: [ScoreStage: Double] = [:]
            if let dossierID, let setID = try row.optionalInt64("set_id") {
                if sets[setID] == nil { sets[setID] = try store.set(id: setID) }
                stageTotals = totals[dossierID]?.totals ?? [:]
                if let set = sets[setID] {
                    missing = DossierWorkflow.missingDocuments(set, present: present[dossierID] ?? []).map(\.title)
                    if let final = totals[dossierID]?.final, !final.isEmpty { passes = set.verdict(final).passes }
                }
            }
            return DossierListItem(
                code: try row.string("code"), name: try row.string("name"),
                districtCode: kind == .commune ? try row.optionalString("district_code") : nil,
                districtName: kind == .commune ? try row.optionalString("district_name") : nil,
                state: try row.optionalString("state").flatMap { DossierState(rawValue: $0) },
                selfTotal: stageTotals[.selfAssessment], districtTotal: stageTotals[.district],
                provinceTotal: stageTotals[.province], passes: passes, missingDocuments: missing,
                recognised: try row.optionalInt("recognised").map { $0 == 1 },
                decisionNumber: try row.optionalString("decision_number"),
                decisionDate: try row.optionalString("decision_date").flatMap { LocalDate(iso: $0) })
        }
    }

    /// Dossier id → the total of each stage's current scores, and the points per criterion the decision rests on.
    private func stageTotals(year: Int) throws -> [Int64: (totals: [ScoreStage: Double], final: [String: Double])] {
        let rows = try connection.query(
            """
            SELECT s.dossier_id AS dossier_id, s.criterion_code AS code, s.stage AS stage, s.points AS points
            FROM dossier_scores s JOIN dossiers d ON d.id = s.dossier_id
            WHERE d.year = ? AND s.id = (SELECT max(l.id) FROM dossier_scores l
                                         WHERE l.dossier_id = s.dossier_id AND l.criterion_code = s.criterion_code
                                           AND l.stage = s.stage)
            """, [year])
        var byDossier: [Int64: [ScoreStage: [String: Double]]] = [:]
        for row in rows {
            guard let stage = ScoreStage(rawValue: try row.string("stage")) else { continue }
            byDossier[try row.int64("dossier_id"), default: [:]][stage, default: [:]][try row.string("code")] =
                try row.double("points")
        }
        return byDossier.mapValues { stages in
            let totals = stages.mapValues { $0.values.reduce(0, +) }
            let final = (stages[.selfAssessment] ?? [:]).merging(stages[.district] ?? [:]) { $1 }
                .merging(stages[.province] ?? [:]) { $1 }
            return (totals, final)
        }
    }

    /// Dossier id → the document kinds present.
    private func presentKinds(year: Int) throws -> [Int64: Set<String>] {
        var kinds: [Int64: Set<String>] = [:]
        for row in try connection.query(
            """
            SELECT DISTINCT f.dossier_id AS dossier_id, f.kind_code AS kind_code
            FROM dossier_documents f JOIN dossiers d ON d.id = f.dossier_id
            WHERE d.year = ? AND f.removed_at IS NULL
            """, [year])
        {
            kinds[try row.int64("dossier_id"), default: []].insert(try row.string("kind_code"))
        }
        return kinds
    }
}
