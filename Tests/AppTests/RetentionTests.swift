import Database
import Foundation
import Survey
import Testing

@testable import App
@testable import Store

/// The retention rules remove exactly what the privacy page promises, at their edges, and nothing else.
@Suite struct RetentionTests {
    static let today = ReportFixture.today
    static let now = ReportFixture.at(ReportFixture.today, 12, 0)

    func suggestion(_ fixture: ReportFixture, code: String, repliedAt: Int64?, resolvedAt: Int64? = nil) throws {
        try fixture.connection.run(
            """
            INSERT INTO suggestions (unit_id, year, round, text, sender_name, sender_phone, consent, lookup_code,
                                     status, reply, replied_at, resolved_at, created_at, search_text)
            VALUES (?, 2026, 4, 'Đề nghị sửa đường', 'Nguyễn Văn A', '0912345678', 1, ?, ?, ?, ?, ?, 0, 'de nghi')
            """,
            [
                try fixture.unitID("07201"), code, resolvedAt == nil ? "new" : "resolved",
                repliedAt == nil ? nil : "Đã tiếp nhận", repliedAt, resolvedAt,
            ])
    }

    func contact(_ fixture: ReportFixture, _ code: String) throws -> String? {
        try fixture.connection.scalar("SELECT sender_phone FROM suggestions WHERE lookup_code = ?", [code])
    }

    @Test func contactsGoMonthsAfterTheReplyAndNetworkTracesDaysAfterTheCampaign() throws {
        let fixture = try ReportFixture()
        let sixMonths = Retention.instant(monthsBefore: 6, now: Self.now)
        try suggestion(fixture, code: "OLDREPLY", repliedAt: sixMonths - 1)
        try suggestion(fixture, code: "EDGE", repliedAt: sixMonths)
        try suggestion(fixture, code: "RECENT", repliedAt: Self.now - 86_400)
        try suggestion(fixture, code: "RESOLVED", repliedAt: nil, resolvedAt: sixMonths - 3_600)
        try suggestion(fixture, code: "WAITING", repliedAt: nil)

        // Two campaigns: the fixture's, ended 31 days ago (past the 30 days), and one ending 30 days ago (kept).
        let ended = fixture.campaignID
        let endedOn = Self.today.adding(days: -31)
        try fixture.connection.run(
            "UPDATE campaigns SET starts_on = ?, ends_on = ? WHERE id = ?",
            [endedOn.adding(days: -10).iso, endedOn.iso, ended])
        let recent = try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS03", codes: ["07201"], today: Self.today,
            start: Self.today.adding(days: -40))
        try fixture.connection.run(
            "UPDATE campaigns SET ends_on = ? WHERE id = ?", [Self.today.adding(days: -30).iso, recent])
        for (index, campaign) in [ended, ended, recent].enumerated() {
            try fixture.connection.run(
                """
                INSERT INTO responses (campaign_id, unit_id, submission_id, submitted_at, local_date, channel,
                                       fill_seconds, network_hash, device_hash, choices)
                VALUES (?, ?, ?, 0, ?, 'phone', 60, 'net', 'dev', '')
                """, [campaign, try fixture.unitID("07201"), "r\(index)", endedOn.iso])
        }

        let outcome = try Retention(fixture.connection).apply(today: Self.today, now: Self.now)
        #expect(outcome == Retention.Outcome(contactsRemoved: 2, networkTracesRemoved: 2))
        #expect(try contact(fixture, "OLDREPLY") == nil)
        #expect(try contact(fixture, "RESOLVED") == nil)
        #expect(try contact(fixture, "EDGE") == "0912345678")
        #expect(try contact(fixture, "RECENT") == "0912345678")
        #expect(try contact(fixture, "WAITING") == "0912345678")
        // The suggestion itself and its reply stay.
        #expect(try fixture.connection.scalar("SELECT count(*) FROM suggestions WHERE reply IS NOT NULL") == 3)
        let traces = try fixture.connection.query(
            "SELECT campaign_id, network_hash, device_hash FROM responses ORDER BY id"
        ).map { [try $0.optionalString("network_hash"), try $0.optionalString("device_hash")] }
        #expect(traces == [[nil, nil], [nil, nil], ["net", "dev"]])
        #expect(try fixture.connection.scalar("SELECT count(*) FROM responses") == 3)

        // Again: nothing more to remove.
        #expect(
            try Retention(fixture.connection).apply(today: Self.today, now: Self.now)
                == Retention.Outcome(contactsRemoved: 0, networkTracesRemoved: 0))
    }

    @Test func settingsAreStoredAndRefusedOutOfRange() throws {
        let fixture = try ReportFixture()
        #expect(try RetentionSettings.load(fixture.connection) == .standard)
        try RetentionSettings(contactMonths: 3, networkDaysAfterClose: 0).save(fixture.connection, now: Self.now)
        #expect(
            try RetentionSettings.load(fixture.connection)
                == RetentionSettings(contactMonths: 3, networkDaysAfterClose: 0))
        #expect(throws: RetentionError.self) {
            try RetentionSettings(contactMonths: 0, networkDaysAfterClose: 30).save(fixture.connection, now: Self.now)
        }
        #expect(throws: RetentionError.self) {
            try RetentionSettings(contactMonths: 6, networkDaysAfterClose: 400).save(fixture.connection, now: Self.now)
        }
        // With 0 days, a campaign whose last day was yesterday loses its traces today.
        try fixture.connection.run(
            "UPDATE campaigns SET starts_on = ?, ends_on = ? WHERE id = ?",
            [Self.today.adding(days: -5).iso, Self.today.adding(days: -1).iso, fixture.campaignID])
        try fixture.connection.run(
            """
            INSERT INTO responses (campaign_id, unit_id, submission_id, submitted_at, local_date, channel,
                                   fill_seconds, network_hash, choices)
            VALUES (?, ?, 'x', 0, ?, 'phone', 60, 'net', '')
            """, [fixture.campaignID, try fixture.unitID("07201"), Self.today.adding(days: -1).iso])
        #expect(
            try Retention(fixture.connection).apply(today: Self.today, now: Self.now).networkTracesRemoved == 1)
    }

    @Test func theCommandShowsSetsAndApplies() throws {
        let cli = CommandLineTests()
        let folder = NSTemporaryDirectory() + "qcdc-retention-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/qcdc.sqlite3"
        let shown = try cli.run(["retention", "show", "--db", database])
        #expect(shown.status == 0)
        #expect(shown.output.contains("giữ 6 tháng"))
        let set = try cli.run(["retention", "set", "--contact-months", "12", "--db", database])
        #expect(set.status == 0)
        #expect(set.output.contains("giữ 12 tháng"))
        let refused = try cli.run(["retention", "set", "--network-days", "-3", "--db", database])
        #expect(refused.status != 0)
        let applied = try cli.run(["retention", "apply", "--db", database])
        #expect(applied.status == 0, "\(applied.output)")
        #expect(applied.output.contains("0 góp ý"))
    }
}
