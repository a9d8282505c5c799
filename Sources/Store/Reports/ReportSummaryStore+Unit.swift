import Database
import Survey

extension ReportSummaryStore {
    /// The id of the unit with this code in the campaign: in the campaign's unit set and among its units; nil
    /// otherwise (an unknown code, or a unit the campaign does not cover).
    public func campaignUnitID(campaign: CampaignRecord, code: String) throws -> Int64? {
        guard let unit = try UnitStore(connection).unit(code: code, inSet: campaign.unitSetID),
            try CampaignStore(connection).includes(campaignID: campaign.id, unitID: unit.id)
        else { return nil }
        return unit.id
    }

    /// Everything the unit's page in a campaign shows, reading only that unit's counters and reports; nil when
    /// the campaign does not cover the unit.
    public func campaignUnitSummary(
        campaignID: Int64, unitID: Int64, today: LocalDate,
        now: Int64
    ) throws -> CampaignUnitSummary? {
        guard
            let figures = try CampaignFigures.load(
                connection, campaignID: campaignID, today: today, scope: .unit(unitID)),
            let unit = figures.communes.first
        else { return nil }
        let campaign = figures.campaign.record
        let reports = Dictionary(
            try DailyReportStore(connection).reports(campaignID: campaignID, unitID: unitID).map { ($0.date, $0) },
            uniquingKeysWith: { _, last in last })
        let last = min(today, campaign.schedule.endsOn)
        let days = campaign.schedule.days.filter { $0 <= last }.reversed().map { date in
            CampaignUnitSummary.Day(
                date: date, report: reports[date],
                state: CampaignUnitSummary.state(
                    of: date, report: reports[date], today: today, now: now, window: campaign.window))
        }
        return CampaignUnitSummary(
            campaign: campaign, unit: unit,
            questions: figures.form.map { Self.questions(form: $0, counts: figures.optionTotals) } ?? [],
            answersPerDay: try answersPerDay(campaignID: campaignID, scope: .unit(unitID), through: today),
            days: Array(days))
    }
}
