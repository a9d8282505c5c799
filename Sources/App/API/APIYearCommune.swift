import Store
import Survey

/// One commune of `GET /api/v1/years/{year}/communes`. Every key is always written (`null` when there is no
/// value), so every object has the same keys. The dossier fields (`dossier_state`, `self_score`,
/// `district_score`, `recognised`) come from the commune's recognition dossier of the year (`APIYearDossier`),
/// `null` without one.
struct APIYearCommune: Encodable, Sendable {
    /// A form's figures of the year; the share rounded to 4 decimals.
    struct Form: Encodable, Sendable {
        let answers: Int
        @Nullable var satisfiedShare: Double?

        init(_ result: SatisfactionIndex.FormResult) {
            answers = result.answers
            satisfiedShare = APIJSON.share(result.satisfiedShare)
        }
    }

    let code: String
    let name: String
    @Nullable var district: String?
    let forms: [String: Form]
    @Nullable var satisfactionIndex: Double?
    @Nullable var rankInDistrict: Int?
    @Nullable var rankInProvince: Int?
    @Nullable var dossierState: String?
    @Nullable var selfScore: Double?
    @Nullable var districtScore: Double?
    @Nullable var recognised: Bool?

    init(_ unit: YearUnitResult, dossier: APIYearDossier? = nil) {
        code = unit.code
        name = unit.name
        district = unit.districtCode
        forms = unit.forms.mapValues(Form.init)
        satisfactionIndex = APIJSON.share(unit.outcome.value)
        rankInDistrict = unit.rankInDistrict
        rankInProvince = unit.rankInProvince
        dossierState = dossier?.state
        selfScore = dossier?.selfScore
        districtScore = dossier?.districtScore
        recognised = dossier?.recognised
    }
}
