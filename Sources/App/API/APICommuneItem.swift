/// One unit of `GET /api/v1/campaigns/{id}/communes`. Absent values are written as `null`, never left out, so
/// every object has the same keys.
struct APICommuneItem: Encodable, Sendable {
    let code: String
    let name: String
    let district: String?
    let answers: Int
    let visitors: Int
    let quotaStatus: String
    let satisfiedShare: Double?
    let reportsOnTime: Int

    init(code: String, name: String, district: String?, answers: Int, visitors: Int, quotaStatus: String,
         satisfiedShare: Double?, reportsOnTime: Int) {
        self.code = code
        self.name = name
        self.district = district
        self.answers = answers
        self.visitors = visitors
        self.quotaStatus = quotaStatus
        self.satisfiedShare = satisfiedShare
        self.reportsOnTime = reportsOnTime
    }

    init(_ unit: CommuneSummary) {
        code = unit.code
        name = unit.name
        district = unit.districtCode
        answers = unit.answers
        visitors = unit.visitors
        quotaStatus = unit.quotaStatus.rawValue
        satisfiedShare = APIJSON.share(unit.satisfiedShare)
        reportsOnTime = unit.reportsOnTime
    }

    enum CodingKeys: String, CodingKey {
        case code, name, district, answers, visitors
        case quotaStatus = "quota_status"
        case satisfiedShare = "satisfied_share"
        case reportsOnTime = "reports_on_time"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(district, forKey: .district)
        try container.encode(answers, forKey: .answers)
        try container.encode(visitors, forKey: .visitors)
        try container.encode(quotaStatus, forKey: .quotaStatus)
        try container.encode(satisfiedShare, forKey: .satisfiedShare)
        try container.encode(reportsOnTime, forKey: .reportsOnTime)
    }
}
