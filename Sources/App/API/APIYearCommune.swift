import Store
import Survey

/// One commune of `GET /api/v1/years/{year}/communes`. Every key is always written (`null` when there is no
/// value), so every object has the same keys. The dossier fields (`dossier_state`, `self_score`,
/// `district_score`, `recognised`) come from the commune's recognition dossier of the year (`APIYearDossier`),
/// `null` without one.
struct APIYearCommune: Encodable, Sendable {
    struct Form: Encodable, Sendable {
        let answers: Int
        let satisfiedShare: Double?

        enum CodingKeys: String, CodingKey {
            case answers
            case satisfiedShare = "satisfied_share"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(answers, forKey: .answers)
            try container.encode(APIJSON.share(satisfiedShare), forKey: .satisfiedShare)
        }
    }

    let unit: YearUnitResult
    let dossier: APIYearDossier?

    init(_ unit: YearUnitResult, dossier: APIYearDossier? = nil) {
        self.unit = unit
        self.dossier = dossier
    }

    enum CodingKeys: String, CodingKey {
        case code, name, district, forms
        case satisfactionIndex = "satisfaction_index"
        case rankInDistrict = "rank_in_district"
        case rankInProvince = "rank_in_province"
        case dossierState = "dossier_state"
        case selfScore = "self_score"
        case districtScore = "district_score"
        case recognised
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit.code, forKey: .code)
        try container.encode(unit.name, forKey: .name)
        try container.encode(unit.districtCode, forKey: .district)
        try container.encode(
            unit.forms.mapValues { Form(answers: $0.answers, satisfiedShare: $0.satisfiedShare) }, forKey: .forms)
        try container.encode(APIJSON.share(unit.outcome.value), forKey: .satisfactionIndex)
        try container.encode(unit.rankInDistrict, forKey: .rankInDistrict)
        try container.encode(unit.rankInProvince, forKey: .rankInProvince)
        try container.encode(dossier?.state, forKey: .dossierState)
        try container.encode(dossier?.selfScore, forKey: .selfScore)
        try container.encode(dossier?.districtScore, forKey: .districtScore)
        try container.encode(dossier?.recognised, forKey: .recognised)
    }
}
