import Store

/// The recognition dossier's four fields of a commune in `GET /api/v1/years/{year}/communes`: its state (the stored
/// value: draft, submitted, returned, district_reviewed, decided), the self and district totals (2 decimals; null
/// before any score at that stage) and whether it was recognised (null until decided). A commune without a dossier
/// has all four null.
struct APIYearDossier: Sendable, Hashable {
    let state: String
    let selfScore: Double?
    let districtScore: Double?
    let recognised: Bool?

    init(state: String, selfScore: Double?, districtScore: Double?, recognised: Bool?) {
        self.state = state
        self.selfScore = selfScore
        self.districtScore = districtScore
        self.recognised = recognised
    }

    init?(_ item: DossierListItem) {
        guard let state = item.state else { return nil }
        self.state = state.rawValue
        selfScore = Self.points(item.selfTotal)
        districtScore = Self.points(item.districtTotal)
        recognised = item.recognised
    }

    static func points(_ value: Double?) -> Double? {
        value.map { ($0 * 100).rounded() / 100 }
    }

    /// By commune code.
    static func byCode(_ items: [DossierListItem]) -> [String: APIYearDossier] {
        var dossiers: [String: APIYearDossier] = [:]
        for item in items {
            if let dossier = APIYearDossier(item) { dossiers[item.code] = dossier }
        }
        return dossiers
    }
}
