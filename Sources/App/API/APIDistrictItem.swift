import Store
import Survey

/// One district of `GET /api/v1/campaigns/{id}/districts`: the dashboard's roll-up line (`DistrictSummary`),
/// over the district's units in the caller's scope. `communes` and the threshold figures count its communes only;
/// answers, visitors, reports today and the quota statuses its one-stop desk too, as the dashboard does.
struct APIDistrictItem: Encodable, Sendable {
    let code: String
    let name: String
    let communes: Int
    let reportedToday: Int
    let answers: Int
    let visitors: Int
    /// Every quota status, zero included.
    let byStatus: [String: Int]
    /// Pooled over the district's answers.
    let satisfiedShare: Double?
    let communesMeetingThreshold: Int
    let shareMeetingThreshold: Double?

    init(_ district: DistrictSummary) {
        code = district.code
        name = district.name
        communes = district.communes
        reportedToday = district.reportedToday
        answers = district.answers
        visitors = district.visitors
        var counts = Dictionary(uniqueKeysWithValues: QuotaStatus.allCases.map { ($0.rawValue, 0) })
        for (status, count) in district.statusCounts { counts[status.rawValue] = count }
        byStatus = counts
        satisfiedShare = APIJSON.share(district.satisfiedShare)
        communesMeetingThreshold = district.communesMeetingThreshold
        shareMeetingThreshold = APIJSON.share(district.shareMeetingThreshold)
    }

    enum CodingKeys: String, CodingKey {
        case code, name, communes, answers, visitors
        case reportedToday = "reported_today"
        case byStatus = "by_status"
        case satisfiedShare = "satisfied_share"
        case communesMeetingThreshold = "communes_meeting_threshold"
        case shareMeetingThreshold = "share_meeting_threshold"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(communes, forKey: .communes)
        try container.encode(reportedToday, forKey: .reportedToday)
        try container.encode(answers, forKey: .answers)
        try container.encode(visitors, forKey: .visitors)
        try container.encode(byStatus, forKey: .byStatus)
        try container.encode(satisfiedShare, forKey: .satisfiedShare)
        try container.encode(communesMeetingThreshold, forKey: .communesMeetingThreshold)
        try container.encode(shareMeetingThreshold, forKey: .shareMeetingThreshold)
    }
}
