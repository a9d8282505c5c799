import Store
import Survey

/// `GET /api/v1/campaigns/{id}/summary`: the campaign's figures over the units the caller may see (a district
/// gets its own communes' totals, not the province's).
struct APICampaignTotals: Encodable, Sendable {
    let id: Int64
    let form: String
    let title: String
    let starts: String
    let ends: String
    let units: Int
    let answers: Int
    let visitors: Int
    /// Every quota status, zero included.
    let byStatus: [String: Int]
    /// Pooled over the units in scope (not an average of their shares).
    let satisfiedShare: Double?

    init(_ scoped: ScopedCampaign) {
        let record = scoped.figures.campaign.record
        id = record.id
        form = record.formCode
        title = record.title
        starts = record.schedule.startsOn.iso
        ends = record.schedule.endsOn.iso
        units = scoped.communes.count
        answers = scoped.communes.reduce(0) { $0 + $1.answers }
        visitors = scoped.communes.reduce(0) { $0 + $1.visitors }
        var counts = Dictionary(uniqueKeysWithValues: QuotaStatus.allCases.map { ($0.rawValue, 0) })
        for unit in scoped.communes { counts[unit.quotaStatus.rawValue, default: 0] += 1 }
        byStatus = counts
        satisfiedShare = APIJSON.share(scoped.figures.satisfaction(pooling: scoped.communes.map(\.unitID)))
    }

    enum CodingKeys: String, CodingKey {
        case id, form, title, starts, ends, units, answers, visitors
        case byStatus = "by_status"
        case satisfiedShare = "satisfied_share"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(form, forKey: .form)
        try container.encode(title, forKey: .title)
        try container.encode(starts, forKey: .starts)
        try container.encode(ends, forKey: .ends)
        try container.encode(units, forKey: .units)
        try container.encode(answers, forKey: .answers)
        try container.encode(visitors, forKey: .visitors)
        try container.encode(byStatus, forKey: .byStatus)
        try container.encode(satisfiedShare, forKey: .satisfiedShare)
    }
}
