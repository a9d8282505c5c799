import Database
import Store
import Survey
import Web

/// A campaign as one signed-in user may see it on a console page: the record, and which of its units are theirs
/// (`CampaignAccess`, the rule every door shares), with the summaries read at the user's scope.
struct ConsoleContext: Sendable {
    let user: AuthenticatedUser
    let campaign: CampaignRecord
    /// The campaign's units inside the user's scope.
    let unitIDs: Set<Int64>
    /// For a district user: the district's code, whose communes the summaries read.
    let districtCode: String?

    /// The campaign of the request's `:campaign` parameter as `user` may reach it (`CampaignAccess`: unknown or
    /// a draft below the province is a 404, outside the scope a 403).
    static func load(
        _ request: Request, user: AuthenticatedUser,
        environment: AppEnvironment
    ) async throws -> ConsoleContext {
        guard let campaignID = request.parameters["campaign"].flatMap({ Int64($0) }), campaignID > 0 else {
            throw CampaignAccessError.notFound
        }
        let access = try await environment.database.read { connection in
            try CampaignAccess.load(connection, user: user, campaignID: campaignID)
        }
        return ConsoleContext(
            user: user, campaign: access.campaign, unitIDs: access.unitIDs,
            districtCode: user.role == .district ? user.unitCode : nil)
    }

    /// The per-unit summaries this user may read: the whole campaign, a district's units, or one unit.
    func communeSummaries(
        _ connection: Connection, today: LocalDate,
        cache: CounterCache? = nil
    ) throws -> [CommuneSummary] {
        let store = ReportSummaryStore(connection, cache: cache)
        switch user.role {
        case .province:
            return try store.communeSummaries(campaignID: campaign.id, today: today) ?? []
        case .district:
            var units =
                try store.communeSummaries(campaignID: campaign.id, today: today, districtCode: districtCode) ?? []
            // The district's own desk takes part in PKS05 campaigns.
            if unitIDs.contains(user.unitID),
                let own = try store.communeSummary(campaignID: campaign.id, unitID: user.unitID, today: today),
                !units.contains(where: { $0.unitID == own.unitID })
            {
                units.insert(own, at: 0)
            }
            return units.filter { unitIDs.contains($0.unitID) }
        case .commune:
            return try store.communeSummary(campaignID: campaign.id, unitID: user.unitID, today: today).map { [$0] }
                ?? []
        }
    }
}
