import Database
import Survey
import Web

/// A campaign as one signed-in user may see it: the record, and which of its units are theirs. Every console
/// route starts here, so scope is checked in one place on the server.
struct ConsoleContext: Sendable {
    let user: AuthenticatedUser
    let campaign: CampaignRecord
    /// The campaign's units inside the user's scope.
    let unitIDs: Set<Int64>
    /// For a district user: the district's code, whose communes the summaries read.
    let districtCode: String?

    static func load(_ request: Request, environment: AppEnvironment,
                     roles: Set<Role> = Set(Role.allCases)) async throws -> ConsoleContext {
        let user = try request.requireUser(roles: roles)
        guard let campaignID = Int64(try request.parameters.require("campaign")) else {
            throw HTTPError(.notFound, message: "Không có đợt khảo sát này.")
        }
        let loaded = try await environment.database.read { connection -> (CampaignRecord, Set<Int64>)? in
            guard let campaign = try CampaignStore(connection).campaign(id: campaignID) else { return nil }
            let scope = try UnitScope(user: user, connection: connection)
            let units = try connection.query("SELECT unit_id FROM campaign_units WHERE campaign_id = ?", [campaignID])
                .map { try $0.int64(0) }
            return (campaign, Set(units).intersection(scope.unitIDs))
        }
        guard let (campaign, unitIDs) = loaded else {
            throw HTTPError(.notFound, message: "Không có đợt khảo sát này.")
        }
        guard !unitIDs.isEmpty else {
            throw HTTPError(.forbidden, message: "Đợt khảo sát này không có đơn vị nào thuộc phạm vi của tài khoản.")
        }
        return ConsoleContext(user: user, campaign: campaign, unitIDs: unitIDs,
                              districtCode: user.role == .district ? user.unitCode : nil)
    }

    /// The per-unit summaries this user may read: the whole campaign, a district's units, or one unit.
    func communeSummaries(_ connection: Connection, today: LocalDate,
                          cache: CounterCache? = nil) throws -> [CommuneSummary] {
        let store = ReportSummaryStore(connection, cache: cache)
        switch user.role {
        case .province:
            return try store.communeSummaries(campaignID: campaign.id, today: today) ?? []
        case .district:
            var units = try store.communeSummaries(campaignID: campaign.id, today: today, districtCode: districtCode) ?? []
            // The district's own desk takes part in PKS05 campaigns.
            if unitIDs.contains(user.unitID),
               let own = try store.communeSummary(campaignID: campaign.id, unitID: user.unitID, today: today),
               !units.contains(where: { $0.unitID == own.unitID }) {
                units.insert(own, at: 0)
            }
            return units.filter { unitIDs.contains($0.unitID) }
        case .commune:
            return try store.communeSummary(campaignID: campaign.id, unitID: user.unitID, today: today).map { [$0] } ?? []
        }
    }
}
