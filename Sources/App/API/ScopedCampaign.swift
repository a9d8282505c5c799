import Database
import Store
import Survey

/// A campaign's figures cut down to the units a user may see, by the rule every door shares (`CampaignAccess`:
/// 404 for an unknown campaign or a draft below the province, 403 when it covers no unit of the user's scope). The
/// counters read are narrowed first (a commune reads its own keys, a district its dozen communes), then every row
/// is checked against the access, so a unit outside it can never leak whatever the narrowing did.
struct ScopedCampaign {
    let figures: CampaignFigures
    /// The units in scope, in code order; never empty.
    let communes: [CommuneSummary]
    /// The satisfaction threshold and yearly target the dashboard's cards measure against.
    let settings: ReportSettings

    static func load(
        _ connection: Connection, user: AuthenticatedUser, campaignID: Int64,
        today: LocalDate, cache: CounterCache? = nil
    ) throws -> ScopedCampaign {
        let access = try CampaignAccess.load(connection, user: user, campaignID: campaignID)
        guard
            let figures = try CampaignFigures.load(
                connection, campaignID: campaignID, today: today,
                scope: CampaignFigures.Scope(user: user), cache: cache)
        else {
            throw CampaignAccessError.notFound
        }
        let communes = figures.communes.filter { access.unitIDs.contains($0.unitID) }
        guard !communes.isEmpty else { throw CampaignAccessError.outOfScope }
        return ScopedCampaign(figures: figures, communes: communes, settings: try ReportSettings.load(connection))
    }
}
