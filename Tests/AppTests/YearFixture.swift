import Database
import Survey

@testable import App
@testable import Store

/// ReportFixture's PKS02 campaign (10–16/06/2024: 07201, 07204, 07207 of district 213; 07243 of 215) plus a PKS05
/// campaign over 07201 and 07204 (02–06/09/2024), with answers written straight into the counters, one
/// evaluative question answered (so a unit's satisfied share is that question's). Minimum answers 10, weights
/// 1 each. Hand-computed:
///
/// | commune | PKS02          | PKS05         | index              |
/// |---------|----------------|---------------|--------------------|
/// | 07201   | 20, 18+ → 0.9  | 10, 6+ → 0.6  | (0.9 + 0.6)/2 = 0.75 |
/// | 07204   | 20, 16+ → 0.8  | 10, 8+ → 0.8  | 0.8                |
/// | 07207   | 5, 5+ → 1.0    | –             | unranked (5 < 10)  |
/// | 07243   | 20, 16+ → 0.8  | –             | 0.8 (renormalised) |
final class YearFixture {
    static let septemberStart = LocalDate(iso: "2024-09-02")!
    static let endOfYear = LocalDate(iso: "2024-12-31")!

    let base: ReportFixture
    let pks05: Int64
    var connection: Connection { base.connection }

    init() throws {
        base = try ReportFixture()
        pks05 = try ReportFixture.createCampaign(
            base.connection, formCode: "PKS05", codes: ["07201", "07204"], today: Self.septemberStart,
            start: Self.septemberStart, end: Self.septemberStart.adding(days: 4))
        try IndexWeights(connection).setMinimumAnswers(10, now: 0)
        let june = ReportFixture.campaignStart
        try answer("07201", campaign: base.campaignID, on: june, positive: 18, negative: 2)
        try answer("07204", campaign: base.campaignID, on: june, positive: 16, negative: 4)
        try answer("07207", campaign: base.campaignID, on: june, positive: 5, negative: 0)
        try answer("07243", campaign: base.campaignID, on: june, positive: 16, negative: 4)
        let september = Self.septemberStart.adding(days: 1)
        try answer("07201", campaign: pks05, on: september, positive: 6, negative: 4)
        try answer("07204", campaign: pks05, on: september, positive: 8, negative: 2)
    }

    /// The first evaluative question's positive and negative option of a campaign's form.
    func options(_ campaignID: Int64) throws -> (positive: Int64, negative: Int64) {
        guard let campaign = try CampaignStore(connection).campaign(id: campaignID),
            let form = try FormStore(connection).definition(formVersionID: campaign.formVersionID),
            let question = form.evaluativeQuestions.first,
            let positive = question.options.first(where: { $0.polarity == .positive }),
            let negative = question.options.first(where: { $0.polarity == .negative })
        else { throw CampaignStoreError(description: "no evaluative question") }
        return (positive.id, negative.id)
    }

    func answer(_ code: String, campaign: Int64, on date: LocalDate, positive: Int, negative: Int) throws {
        let option = try options(campaign)
        var counts: [Int64: Int] = [:]
        if positive > 0 { counts[option.positive] = positive }
        if negative > 0 { counts[option.negative] = negative }
        try base.addCounts(code, on: date, answers: positive + negative, options: counts, campaignID: campaign)
    }
}
