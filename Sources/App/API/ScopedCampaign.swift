import Database
import Survey
import Web

/// A campaign's figures cut down to the units a user may see: the same rule as the pages (`UnitScope`). The
/// counters read are narrowed first (a commune reads its own keys, a district its dozen communes), then every
/// row is checked against the scope, so a unit outside it can never leak whatever the narrowing did.
struct ScopedCampaign {
    let figures: CampaignFigures
    /// The units in scope, in code order; never empty.
    let communes: [CommuneSummary]

    /// Throws `APIError`: 404 for an unknown campaign (or a draft, for anyone below the province, who may not
    /// know of it yet), 403 when the campaign covers no unit in the user's scope.
    static func load(_ connection: Connection, user: AuthenticatedUser, campaignID: Int64,
                     today: LocalDate, cache: CounterCache? = nil) throws -> ScopedCampaign {
        let narrowing = CampaignFigures.Scope(user: user)
        guard let figures = try CampaignFigures.load(connection, campaignID: campaignID, today: today,
                                                     scope: narrowing, cache: cache),
              Self.isVisible(figures.campaign.record, to: user) else {
            throw APIError.campaignNotFound
        }
        let scope = try UnitScope(user: user, connection: connection)
        let communes = figures.communes.filter { scope.contains(unitID: $0.unitID) }
        guard !communes.isEmpty else { throw APIError.campaignOutOfScope }
        return ScopedCampaign(figures: figures, communes: communes)
    }

    /// Drafts are the province's work in progress: districts and communes learn of a campaign once published.
    static func isVisible(_ campaign: CampaignRecord, to user: AuthenticatedUser) -> Bool {
        campaign.schedule.state != .draft || user.role == .province
    }

    /// The published campaigns in the user's scope that are open, about to open, or ended at most
    /// `recentDays` days ago (closed by hand counts from its planned end), newest start first.
    static func listed(_ connection: Connection, user: AuthenticatedUser, today: LocalDate,
                       recentDays: Int) throws -> [CampaignRecord] {
        let scope = try UnitScope(user: user, connection: connection)
        let cutoff = today.adding(days: -recentDays)
        return try CampaignStore(connection).all().filter { campaign in
            guard campaign.schedule.state != .draft, campaign.schedule.endsOn >= cutoff else { return false }
            return try coversScope(connection, campaignID: campaign.id, scope: scope)
        }
    }

    private static func coversScope(_ connection: Connection, campaignID: Int64, scope: UnitScope) throws -> Bool {
        if scope.unitIDs.count <= 64 {
            // A district or a commune: a few index lookups instead of reading a province-wide campaign's units.
            let store = CampaignStore(connection)
            return try scope.unitIDs.contains { try store.includes(campaignID: campaignID, unitID: $0) }
        }
        let rows = try connection.query("SELECT unit_id FROM campaign_units WHERE campaign_id = ?", [campaignID])
        return try rows.contains { scope.contains(unitID: try $0.int64("unit_id")) }
    }
}
