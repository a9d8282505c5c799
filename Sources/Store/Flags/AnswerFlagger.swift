import Database
import Survey

/// Finds stuffing after the fact: reads the answers stored since the last scan (and the days whose daily report was
/// filed since), runs every signal (`FlagSignals`) over each touched unit's answers in the windows around them, and
/// flags every answer of each pattern found, the first ones included. Idempotent: a flag is keyed by answer and
/// reason, and progress is kept in `flag_scan_progress`. Runs as the server's background task and after a daily
/// report is filed, never inside the submit transaction.
package struct AnswerFlagger {
    package let connection: Connection
    package let settings: FlagSettings

    package init(_ connection: Connection, settings: FlagSettings = .init()) {
        self.connection = connection
        self.settings = settings
    }

    /// Scans what is new and returns the number of flags added.
    @discardableResult
    package func scan(now: Int64) throws -> Int {
        try connection.transaction {
            guard
                let progress = try connection.queryOne(
                    "SELECT last_response_id, last_report_at FROM flag_scan_progress WHERE id = 1")
            else { return 0 }
            let lastID = try progress.int64("last_response_id")
            let lastReportAt = try progress.int64("last_report_at")
            let newRows = try connection.query(
                """
                SELECT id, campaign_id, unit_id, local_date FROM responses WHERE id > ? ORDER BY id LIMIT ?
                """, [lastID, settings.maxAnswersPerScan])
            var touched: [UnitKey: Set<String>] = [:]
            var quotaDays: [UnitKey: Set<String>] = [:]
            for row in newRows {
                let key = UnitKey(campaignID: try row.int64("campaign_id"), unitID: try row.int64("unit_id"))
                let day = try row.string("local_date")
                touched[key, default: []].insert(day)
                quotaDays[key, default: []].insert(day)
            }
            let reports = try connection.query(
                """
                SELECT unit_id, local_date, submitted_at FROM unit_daily_reports WHERE submitted_at > ?
                """, [lastReportAt])
            var newestReport = lastReportAt
            for row in reports {
                newestReport = max(newestReport, try row.int64("submitted_at"))
                let unitID = try row.int64("unit_id")
                guard let date = LocalDate(iso: try row.string("local_date")) else { continue }
                for campaign in try ReportingCampaign.covering(connection, unitID: unitID, date: date) {
                    quotaDays[UnitKey(campaignID: campaign.record.id, unitID: unitID), default: []].insert(date.iso)
                }
            }
            var added = 0
            var campaigns: [Int64: (campaign: ReportingCampaign, form: FormDefinition?)] = [:]
            for key in quotaDays.keys.sorted() {
                if campaigns[key.campaignID] == nil,
                    let campaign = try ReportingCampaign.load(connection, campaignID: key.campaignID)
                {
                    let form = try FormStore(connection).definition(formVersionID: campaign.record.formVersionID)
                    campaigns[key.campaignID] = (campaign, form)
                }
                guard let (campaign, form) = campaigns[key.campaignID] else { continue }
                var found: [FoundFlag] = []
                if let days = touched[key] { found += try windowSignals(key, days: days, form: form) }
                if !campaign.countsOfficials {
                    found += try overQuota(key, days: quotaDays[key] ?? [], rule: campaign.record.quota)
                }
                added += try store(found, key: key, now: now)
            }
            let newLastID = try newRows.last.map { try $0.int64("id") } ?? lastID
            try connection.run(
                "UPDATE flag_scan_progress SET last_response_id = ?, last_report_at = ? WHERE id = 1",
                [newLastID, newestReport])
            return added
        }
    }

    package struct UnitKey: Hashable, Comparable {
        package let campaignID: Int64
        package let unitID: Int64

        package static func < (lhs: UnitKey, rhs: UnitKey) -> Bool {
            (lhs.campaignID, lhs.unitID) < (rhs.campaignID, rhs.unitID)
        }
    }

    /// Every signal but the quota, over the unit's answers from the day before the first touched day to the day
    /// after the last: no window is longer than a day (`FlagSettings.longestWindow`), so every pattern that holds a
    /// new answer lies in that range.
    private func windowSignals(_ key: UnitKey, days: Set<String>, form: FormDefinition?) throws -> [FoundFlag] {
        guard let first = days.min().flatMap(LocalDate.init(iso:)), let last = days.max().flatMap(LocalDate.init(iso:))
        else { return [] }
        let spread = Int((settings.longestWindow + 86_399) / 86_400)
        let answers = try load(key, from: first.adding(days: -spread), through: last.adding(days: spread))
        let newDays = days
        let signals = FlagSignals(settings: settings)
        let hours = try DeskHoursStore(connection).hours(unitID: key.unitID) ?? settings.deskHours
        // Per-answer signals only need the answers of the touched days.
        let touchedAnswers = answers.filter { newDays.contains($0.localDate) }
        return signals.burst(answers) + signals.repeatDevice(answers)
            + signals.identicalVectors(answers, shares: try shares(key))
            + signals.tooFast(touchedAnswers, form: form) + signals.offHours(touchedAnswers, hours: hours)
    }

    private func overQuota(_ key: UnitKey, days: Set<String>, rule: QuotaRule) throws -> [FoundFlag] {
        var found: [FoundFlag] = []
        let signals = FlagSignals(settings: settings)
        for day in days.sorted() {
            guard let date = LocalDate(iso: day),
                let visitors: Int = try connection.scalar(
                    "SELECT visitors FROM unit_daily_reports WHERE unit_id = ? AND local_date = ?", [key.unitID, day])
            else { continue }
            found += signals.overQuota(
                dayAnswers: try load(key, from: date, through: date), visitors: visitors, rule: rule)
        }
        return found
    }

    /// The unit's answers of a range of days, in time order (`responses_by_unit_day`).
    private func load(_ key: UnitKey, from first: LocalDate, through last: LocalDate) throws -> [ScannedAnswer] {
        try connection.query(
            """
            SELECT r.id AS id, r.submitted_at AS submitted_at, r.local_date AS local_date, r.channel AS channel,
                   r.fill_seconds AS fill_seconds, r.network_hash AS network_hash, r.device_hash AS device_hash,
                   r.had_cookie AS had_cookie, r.choices AS choices,
                   coalesce(v.state = 'confirmed', 0) AS confirmed
            FROM responses r LEFT JOIN response_reviews v ON v.response_id = r.id
            WHERE r.campaign_id = ? AND r.unit_id = ? AND r.local_date BETWEEN ? AND ?
            ORDER BY r.submitted_at, r.id
            """, [key.campaignID, key.unitID, first.iso, last.iso]
        ).map(ScannedAnswer.init(row:))
    }

    /// Option id → share of the unit's counted answers in the campaign that chose it.
    private func shares(_ key: UnitKey) throws -> [Int64: Double] {
        let total: Int =
            try connection.scalar(
                "SELECT answers FROM unit_totals WHERE campaign_id = ? AND unit_id = ?", [key.campaignID, key.unitID])
            ?? 0
        guard total > 0 else { return [:] }
        var shares: [Int64: Double] = [:]
        for row in try connection.query(
            "SELECT option_id, answers FROM option_counts WHERE campaign_id = ? AND unit_id = ?",
            [key.campaignID, key.unitID])
        {
            shares[try row.int64("option_id")] = Double(try row.int("answers")) / Double(total)
        }
        return shares
    }

    /// Inserts the flags (an existing answer-and-reason pair is kept as it was) and opens a review for each newly
    /// flagged answer; returns how many flags are new.
    private func store(_ found: [FoundFlag], key: UnitKey, now: Int64) throws -> Int {
        var added = 0
        for flag in found {
            added += try connection.run(
                """
                INSERT INTO response_flags (response_id, reason, detail, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (response_id, reason) DO NOTHING
                """, [flag.responseID, flag.reason.rawValue, flag.detail, now])
            try connection.run(
                """
                INSERT INTO response_reviews (response_id, campaign_id, unit_id) VALUES (?, ?, ?)
                ON CONFLICT (response_id) DO NOTHING
                """, [flag.responseID, key.campaignID, key.unitID])
        }
        return added
    }
}
