import Database
import Foundation
import Survey

/// Applies the retention settings: removes what the privacy page promises to remove, and nothing else. Answers,
/// suggestions and replies stay (they are the programme's record); only the traces that could point to a person go.
/// Running it again removes nothing more.
public struct Retention {
    public struct Outcome: Sendable, Hashable {
        /// Suggestions whose sender name and phone were removed.
        public let contactsRemoved: Int
        /// Answers whose network and device hashes were removed.
        public let networkTracesRemoved: Int
    }

    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// `today` in Vietnam; `now` the instant, for "months after the reply".
    public func apply(today: LocalDate, now: Int64) throws -> Outcome {
        let settings = try RetentionSettings.load(connection)
        return try connection.transaction {
            let contactCutoff = Self.instant(monthsBefore: settings.contactMonths, now: now)
            let contacts = try connection.run(
                """
                UPDATE suggestions SET sender_name = NULL, sender_phone = NULL
                WHERE (sender_name IS NOT NULL OR sender_phone IS NOT NULL)
                  AND coalesce(replied_at, resolved_at) IS NOT NULL AND coalesce(replied_at, resolved_at) < ?
                """, [contactCutoff])
            // A campaign's last day is `ends_on` (moved to the closing day when closed early, migration 0014).
            let lastDay = today.adding(days: -settings.networkDaysAfterClose - 1)
            let traces = try connection.run(
                """
                UPDATE responses SET network_hash = NULL, device_hash = NULL
                WHERE (network_hash IS NOT NULL OR device_hash IS NOT NULL)
                  AND campaign_id IN (SELECT id FROM campaigns WHERE ends_on <= ?)
                """, [lastDay.iso])
            return Outcome(contactsRemoved: contacts, networkTracesRemoved: traces)
        }
    }

    /// The same instant `months` calendar months earlier (UTC calendar; a month's length matters little here).
    static func instant(monthsBefore months: Int, now: Int64) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let date = Date(timeIntervalSince1970: TimeInterval(now))
        let earlier = calendar.date(byAdding: .month, value: -months, to: date) ?? date
        return Int64(earlier.timeIntervalSince1970)
    }
}
