import Database
import Survey
import Synchronization

/// What the answer page needs on every request — the campaign, its frozen form, which units it covers, the
/// units themselves — kept in memory so rendering a form touches no database. Entries expire after a few
/// seconds, so a campaign closed from the command line takes effect without a restart.
package final class SurveyCatalog: Sendable {
    /// A class, not a struct: every answer and page passes its campaign's entry along, and a copy of the struct
    /// retained each of the campaign's and the form's strings and arrays; a reference is one retain.
    package final class CampaignEntry: Sendable {
        package let campaign: CampaignRecord
        package let form: FormDefinition
        package let unitIDs: Set<Int64>
        package let loadedAt: Double

        init(campaign: CampaignRecord, form: FormDefinition, unitIDs: Set<Int64>, loadedAt: Double) {
            self.campaign = campaign
            self.form = form
            self.unitIDs = unitIDs
            self.loadedAt = loadedAt
        }
    }

    private let database: DatabasePool
    private let clock: any Clock
    private let lifetime: Double
    private let campaigns = Mutex<[Int64: CampaignEntry]>([:])
    private let units = Mutex<[UnitKey: UnitRecord]>([:])

    private struct UnitKey: Hashable {
        package let unitSetID: Int64
        package let code: String
    }

    package init(database: DatabasePool, clock: any Clock, lifetime: Double = 5) {
        self.database = database
        self.clock = clock
        self.lifetime = lifetime
    }

    package func campaign(_ id: Int64) async throws -> CampaignEntry? {
        let now = clock.now()
        if let entry = campaigns.withLock({ $0[id] }), now - entry.loadedAt < lifetime { return entry }
        let loaded: CampaignEntry? = try await database.read { connection in
            guard let campaign = try CampaignStore(connection).campaign(id: id),
                let form = try FormStore(connection).definition(formVersionID: campaign.formVersionID)
            else {
                return nil
            }
            let unitIDs = try connection.query("SELECT unit_id FROM campaign_units WHERE campaign_id = ?", [id])
                .map { try $0.int64("unit_id") }
            return CampaignEntry(campaign: campaign, form: form, unitIDs: Set(unitIDs), loadedAt: now)
        }
        campaigns.withLock { $0[id] = loaded }
        return loaded
    }

    /// Units never change once imported (sets are never rewritten), so they are cached for good.
    package func unit(code: String, inSet unitSetID: Int64) async throws -> UnitRecord? {
        let key = UnitKey(unitSetID: unitSetID, code: code)
        if let unit = units.withLock({ $0[key] }) { return unit }
        let loaded = try await database.read { try UnitStore($0).unit(code: code, inSet: unitSetID) }
        if let loaded { units.withLock { $0[key] = loaded } }
        return loaded
    }

    /// Forgets a campaign after an administrator changed it.
    package func invalidate(campaign id: Int64) {
        campaigns.withLock { $0[id] = nil }
    }
}
