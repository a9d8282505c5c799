import Store
import Survey

/// One district of `GET /api/v1/years/{year}/districts`: its line of the year's rankings (its communes' figures
/// pooled per form, the index and the rank among districts; its own desk's PKS05 is not one of its communes').
/// Every key is always written: `satisfaction_index` and `rank_in_province` are `null` for an unranked district,
/// whose `unranked_reason` says why ("no_answers", "too_few_answers"; `null` when ranked).
struct APIYearDistrict: Encodable, Sendable {
    let line: YearUnitResult

    init(_ line: YearUnitResult) {
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case code, name, forms
        case satisfactionIndex = "satisfaction_index"
        case unrankedReason = "unranked_reason"
        case rankInProvince = "rank_in_province"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line.code, forKey: .code)
        try container.encode(line.name, forKey: .name)
        try container.encode(
            line.forms.mapValues { APIYearCommune.Form(answers: $0.answers, satisfiedShare: $0.satisfiedShare) },
            forKey: .forms)
        try container.encode(APIJSON.share(line.outcome.value), forKey: .satisfactionIndex)
        try container.encode(APICommuneYear.reason(line.outcome), forKey: .unrankedReason)
        try container.encode(line.rankInProvince, forKey: .rankInProvince)
    }
}
