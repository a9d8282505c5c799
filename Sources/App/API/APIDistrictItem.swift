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
    @Nullable var satisfiedShare: Double?
    let communesMeetingThreshold: Int
    @Nullable var shareMeetingThreshold: Double?

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
}
