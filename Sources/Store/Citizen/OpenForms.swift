import Database
import Survey

/// A form a unit's citizens (or officials) can answer today: its campaign, what it is called, who answers it, and
/// whether this browser (its "already answered" mark) has answered it. What the landing and thanks pages list.
public struct OpenForm: Sendable, Hashable {
    public let campaign: CampaignRecord
    public let formTitle: String
    /// `forms.respondent_kind` is 'officials' (PKS01): answered by the unit's officials, not by citizens.
    public let forOfficials: Bool
    public let answered: Bool
}

public struct OpenForms {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The campaigns open today at the unit, soonest ending first, with their form and this browser's mark.
    public func list(unitID: Int64, on day: LocalDate, mark: RespondentMark?) throws -> [OpenForm] {
        let campaigns = try CampaignStore(connection).openCampaigns(forUnit: unitID, on: day)
        let responses = ResponseStore(connection)
        return try campaigns.map { campaign in
            let form = try connection.queryOne(
                """
                SELECT f.title AS title, f.respondent_kind AS respondent_kind
                FROM form_versions v JOIN forms f ON f.id = v.form_id WHERE v.id = ?
                """, [campaign.formVersionID])
            let answered = try mark.map { try responses.hasAnswered(campaignID: campaign.id, mark: $0) } ?? false
            return OpenForm(
                campaign: campaign, formTitle: try form?.string("title") ?? campaign.formCode,
                forOfficials: try form?.string("respondent_kind") == "officials", answered: answered)
        }
    }
}
