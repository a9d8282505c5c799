import Database
import Survey
import Testing

@testable import App
@testable import Store

extension TestApp {
    /// Adds a suggestion to a unit's box as the public page does, at `now` (default: the app's clock).
    func addSuggestion(
        _ unitCode: String, _ text: String, topic: String? = nil, name: String? = nil,
        phone: String? = nil, at now: Int64? = nil
    ) async throws -> SuggestionRecord {
        let today = clock.today
        let instant = now ?? clock.nowSeconds
        return try await pool.write { connection in
            guard let unit = try UnitStore(connection).resolve(code: unitCode, on: today) else {
                throw CampaignStoreError(description: "no unit \(unitCode)")
            }
            return try SuggestionStore(connection).add(
                NewSuggestion(
                    unitID: unit.id, topic: topic, text: text, senderName: name, senderPhone: phone,
                    consent: name != nil || phone != nil), now: instant)
        }
    }

    /// Signs in every standard account, keyed by username.
    func signInAll() async throws -> [String: Browser] {
        try await addStandardUsers()
        var browsers: [String: Browser] = [:]
        for account in Accounts.all {
            browsers[account.username] = try await signIn(account.username)
        }
        return browsers
    }
}
