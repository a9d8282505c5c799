import Database
import Survey

/// A campaign as one user may reach it: the record and which of its units are theirs. Every door to a campaign's
/// figures (dashboard, daily report, exports, print, the API) and every change to it (edit, open, close) loads it
/// here, so the rules are written once: a draft is its owner's work in progress (the province's, or the district's
/// or commune's that runs it) and does not exist for anyone else below the province (404); a campaign with no unit
/// in the user's scope is refused (403); only its owner and the province change a campaign (403).
package struct CampaignAccess: Sendable {
    package let campaign: CampaignRecord
    /// The campaign's units inside the user's scope; never empty.
    package let unitIDs: Set<Int64>

    /// How long an ended campaign stays in the home page's and the API's lists: a quarter, so reports on the
    /// last round stay reachable.
    package static let recentDays = 90

    package static func isVisible(_ campaign: CampaignRecord, to user: AuthenticatedUser) -> Bool {
        user.role == .province || campaign.schedule.state != .draft || isOwned(campaign, by: user)
    }

    /// The province manages every campaign; a district or commune the campaigns it owns.
    package static func mayManage(_ campaign: CampaignRecord, user: AuthenticatedUser) -> Bool {
        user.role == .province || isOwned(campaign, by: user)
    }

    /// The owner a campaign created by this user gets: nil (the province) or the user's unit.
    package static func owner(for user: AuthenticatedUser) -> String? {
        user.role == .province ? nil : user.unitCode
    }

    private static func isOwned(_ campaign: CampaignRecord, by user: AuthenticatedUser) -> Bool {
        user.role != .province && campaign.ownerUnitCode == user.unitCode
    }

    /// A campaign the user may change: visible (404 otherwise), then owned by the user's unit or the user is the
    /// province (403 otherwise).
    package static func manage(
        _ connection: Connection, user: AuthenticatedUser, campaignID: Int64
    ) throws -> CampaignRecord {
        guard let campaign = try CampaignStore(connection).campaign(id: campaignID), isVisible(campaign, to: user)
        else { throw CampaignAccessError.notFound }
        guard mayManage(campaign, user: user) else { throw CampaignAccessError.notOwner }
        return campaign
    }

    package static func load(
        _ connection: Connection, user: AuthenticatedUser,
        campaignID: Int64
    ) throws -> CampaignAccess {
        guard let campaign = try CampaignStore(connection).campaign(id: campaignID),
            isVisible(campaign, to: user)
        else { throw CampaignAccessError.notFound }
        let scope = try UnitScope(user: user, connection: connection)
        let units = try connection.query(
            "SELECT unit_id FROM campaign_units WHERE campaign_id = ?", [campaignID]
        ).map { try $0.int64("unit_id") }
        let inScope = Set(units).intersection(scope.unitIDs)
        guard !inScope.isEmpty else { throw CampaignAccessError.outOfScope }
        return CampaignAccess(campaign: campaign, unitIDs: inScope)
    }

    /// The campaigns a user sees listed: every campaign covering a unit of the scope (the province: all of them),
    /// drafts only for the province's own list of work (`includingDrafts`), and with `endedWithinDays` only those
    /// open, to come, or ended that recently (the home page and the API list what is current, never a draft).
    package static func listed(
        _ connection: Connection, user: AuthenticatedUser, today: LocalDate,
        endedWithinDays: Int? = nil, includingDrafts: Bool = false
    ) throws -> [CampaignRecord] {
        let store = CampaignStore(connection)
        let campaigns =
            user.role == .province
            ? try store.all()
            : try store.campaigns(coveringAnyOf: try UnitScope(user: user, connection: connection).unitIDs)
        let cutoff = endedWithinDays.map { today.adding(days: -$0) }
        return campaigns.filter { campaign in
            let shown = campaign.schedule.state != .draft || (includingDrafts && isVisible(campaign, to: user))
            return shown && cutoff.map { campaign.schedule.endsOn >= $0 } ?? true
        }
    }
}

/// Why a campaign cannot be reached; the pages and the API answer it with its status and message.
package enum CampaignAccessError: Error, Equatable {
    case notFound
    case outOfScope
    /// Reachable, but run by another unit: only its owner and the province change it.
    case notOwner
}
