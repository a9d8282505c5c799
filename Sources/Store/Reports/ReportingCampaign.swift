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
