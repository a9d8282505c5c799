import Store
import Survey

/// One line of `GET /api/v1/years/{year}/dossiers`: a row of the list page `/admin/dossiers/{year}`, a district
/// committee's or a commune's, with or without a dossier. Every key is always written (`null` where the page shows
/// "–"), so every object has the same keys.
struct APIDossierItem: Encodable, Sendable {
    enum Level: String, Sendable {
        case district
        case commune
    }

    let item: DossierListItem
    let level: Level

    /// The page's order: the district committees first, then the communes by district and code.
    var listPosition: APIListPosition {
        APIListPosition(
            .ascending(level == .district ? 0 : 1), .ascendingText(item.districtCode ?? ""),
            .ascendingText(item.code))
    }

    enum CodingKeys: String, CodingKey {
        case code, name, level, district, state, passes, recognised
        case stateLabel = "state_label"
        case selfScore = "self_score"
        case districtScore = "district_score"
        case provinceScore = "province_score"
        case missingDocuments = "missing_documents"
        case decisionNumber = "decision_number"
        case decisionDate = "decision_date"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(item.code, forKey: .code)
        try container.encode(item.name, forKey: .name)
        try container.encode(level.rawValue, forKey: .level)
        try container.encode(item.districtCode, forKey: .district)
        try container.encode(item.state?.rawValue, forKey: .state)
        try container.encode(item.stateLabel, forKey: .stateLabel)
        try container.encode(APIYearDossier.points(item.selfTotal), forKey: .selfScore)
        try container.encode(APIYearDossier.points(item.districtTotal), forKey: .districtScore)
        try container.encode(APIYearDossier.points(item.provinceTotal), forKey: .provinceScore)
        try container.encode(item.passes, forKey: .passes)
        // The page: "–" without a dossier, "Đủ" when nothing required is missing.
        try container.encode(item.state == nil ? nil : item.missingDocuments, forKey: .missingDocuments)
        try container.encode(item.recognised, forKey: .recognised)
        // The page shows a decision's number and date only once the decision is recorded.
        let decided = item.recognised != nil
        try container.encode(decided ? item.decisionNumber : nil, forKey: .decisionNumber)
        try container.encode(decided ? item.decisionDate?.iso : nil, forKey: .decisionDate)
    }
}
