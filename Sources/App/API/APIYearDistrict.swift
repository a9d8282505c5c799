import Store
import Survey

/// One district of `GET /api/v1/years/{year}/districts`: its line of the year's rankings (its communes' figures
/// pooled per form, the index and the rank among districts; its own desk's PKS05 is not one of its communes').
/// Every key is always written: `satisfaction_index` and `rank_in_province` are `null` for an unranked district,
/// whose `unranked_reason` says why ("no_answers", "too_few_answers"; `null` when ranked).
struct APIYearDistrict: Encodable, Sendable {
    let code: String
    let name: String
    let forms: [String: APIYearCommune.Form]
    @Nullable var satisfactionIndex: Double?
    @Nullable var unrankedReason: String?
    @Nullable var rankInProvince: Int?

    init(_ line: YearUnitResult) {
        code = line.code
        name = line.name
        forms = line.forms.mapValues(APIYearCommune.Form.init)
        satisfactionIndex = APIJSON.share(line.outcome.value)
        unrankedReason = APICommuneYear.reason(line.outcome)
        rankInProvince = line.rankInProvince
    }
}
