import Database
import Survey

/// A campaign as the reporting rules need it: its schedule, window, quota and whether it counts officials.
package struct ReportingCampaign {
    package let record: CampaignRecord
    /// PKS01 asks officials: its quota compares answers with a headcount entered once, not daily visitors.
    package let countsOfficials: Bool

    /// Loads the campaign and checks that it is published and covers the unit.
    package static func load(_ connection: Connection, campaignID: Int64, unitID: Int64) throws -> ReportingCampaign {
        guard let campaign = try load(connection, campaignID: campaignID) else {
            throw ReportSubmissionError.campaignNotFound
        }
        guard campaign.record.schedule.state == .open else { throw ReportSubmissionError.campaignNotOpen }
        guard try CampaignStore(connection).includes(campaignID: campaignID, unitID: unitID) else {
            throw ReportSubmissionError.unitNotInCampaign
        }
        return campaign
    }

    package static func load(_ connection: Connection, campaignID: Int64) throws -> ReportingCampaign? {
        guard let record = try CampaignStore(connection).campaign(id: campaignID) else { return nil }
        let kind: String? = try connection.scalar(
            """
            SELECT f.respondent_kind FROM form_versions v JOIN forms f ON f.id = v.form_id WHERE v.id = ?
            """, [record.formVersionID])
        return ReportingCampaign(record: record, countsOfficials: kind == "officials")
    }

    package func checkDateInCampaign(_ date: LocalDate) throws {
        let schedule = record.schedule
        guard date >= schedule.startsOn, date <= schedule.endsOn else {
            throw ReportSubmissionError.dateNotInCampaign(date, startsOn: schedule.startsOn, endsOn: schedule.endsOn)
        }
    }
}

extension ReportingCampaign {
    /// The open campaigns that count a unit's report of `date`: published (not closed by hand), with the unit among
    /// their units and the day among their days, by id.
    package static func covering(_ connection: Connection, unitID: Int64, date: LocalDate) throws
        -> [ReportingCampaign]
    {
        let ids = try connection.query(
            """
            SELECT c.id AS id FROM campaign_units cu JOIN campaigns c ON c.id = cu.campaign_id
            WHERE cu.unit_id = ? AND c.state = 'open' AND c.starts_on <= ? AND c.ends_on >= ?
            ORDER BY c.id
            """, [unitID, date.iso, date.iso]
        ).map { try $0.int64("id") }
        return try ids.compactMap { try load(connection, campaignID: $0) }
    }

    /// The window of a day covered by several campaigns: from the earliest start to the latest end among them (all
    /// are 16:30–17:00 unless a campaign chose otherwise); nil when none covers the day.
    package static func window(of campaigns: [ReportingCampaign]) -> ReportingWindow? {
        let windows = campaigns.map(\.record.window)
        guard let start = windows.map(\.startMinute).min(), let end = windows.map(\.endMinute).max() else {
            return nil
        }
        return ReportingWindow(startMinute: start, endMinute: end)
    }
}
