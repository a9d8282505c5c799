import Database
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

@Suite struct ReportSubmissionTests {
    let today = ReportFixture.today

    @Test func windowEdgesFollowTheCampaignWindowInHanoiTime() throws {
        let fixture = try ReportFixture()
        let store = DailyReportStore(fixture.connection)
        let draft = try fixture.draft("07207", visitors: 10)

        let early = #expect(throws: ReportSubmissionError.self) {
            try store.submit(draft, by: ReportFixture.user(7), now: ReportFixture.at(today, 16, 29, 59))
        }
        guard case .outsideWindow(let window, _, let secondsUntilOpen)? = early?.kind else {
            Issue.record("16:29:59 must be refused as outside the window")
            return
        }
        #expect(window == .standard)
        #expect(secondsUntilOpen == 1)
        #expect(early?.message.contains("16:30–17:00") == true)
        #expect(early?.message.contains("16:29:59") == true)
        #expect(early?.message.contains("1 giây") == true)
        #expect(early?.status == .conflict)

        let first = try store.submit(draft, by: ReportFixture.user(7), now: ReportFixture.at(today, 16, 30, 0))
        #expect(first.version == 1)
        #expect(first.onTime)
        #expect(!first.isCorrection)

        var corrected = draft
        corrected.visitors = 12
        corrected.difficulties = "Mất điện buổi chiều"
        let second = try store.submit(corrected, by: ReportFixture.user(8), now: ReportFixture.at(today, 16, 59, 59))
        #expect(second.version == 2)
        #expect(second.reportID == first.reportID)
        #expect(second.isCorrection)

        let late = #expect(throws: ReportSubmissionError.self) {
            try store.submit(draft, by: ReportFixture.user(7), now: ReportFixture.at(today, 17, 0, 0))
        }
        guard case .outsideWindow(_, _, let untilTomorrow)? = late?.kind else {
            Issue.record("17:00:00 must be refused as outside the window")
            return
        }
        #expect(untilTomorrow == 23 * 3600 + 30 * 60)
        #expect(late?.message.contains("23 giờ 30 phút") == true)
        #expect(late?.message.contains("mở nhập muộn") == true)

        let current = try #require(
            try store.report(campaignID: fixture.campaignID, unitID: try fixture.unitID("07207"), date: today))
        #expect(current.visitors == 12)
        #expect(current.version == 2)
        #expect(current.submittedBy == 8)
        #expect(current.difficulties == "Mất điện buổi chiều")
        #expect(current.publicity == [.noticeBoard, .loudspeaker])
        let versions = try store.versions(reportID: current.id)
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.map(\.visitors) == [10, 12], "the earlier version is kept")
        #expect(versions.map(\.submittedBy) == [7, 8])
    }

    @Test func onlyTodaysReportIsAccepted() throws {
        let fixture = try ReportFixture()
        let store = DailyReportStore(fixture.connection)
        let now = ReportFixture.at(today, 16, 45)
        let yesterday = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07207", on: today.adding(days: -1), visitors: 3),
                by: ReportFixture.user(7), now: now)
        }
        #expect(yesterday?.kind == .notToday(date: today.adding(days: -1), today: today))
        #expect(yesterday?.message.contains("11/06/2024") == true)
        #expect(yesterday?.message.contains("12/06/2024") == true)
        let tomorrow = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07207", on: today.adding(days: 1), visitors: 3),
                by: ReportFixture.user(7), now: now)
        }
        #expect(tomorrow?.kind == .notToday(date: today.adding(days: 1), today: today))
        #expect(try fixture.connection.scalar("SELECT count(*) FROM unit_daily_reports", as: Int.self) == 0)
    }

    @Test func reportsOnlyForUnitsAndDaysOfTheCampaign() throws {
        let fixture = try ReportFixture()
        let store = DailyReportStore(fixture.connection)
        let outsider = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07210", visitors: 3), by: ReportFixture.user(7),
                now: ReportFixture.at(today, 16, 45))
        }
        #expect(outsider?.kind == .notInCampaign)
        #expect(outsider?.message == "Đơn vị này không tham gia đợt khảo sát.")

        let afterEnd = LocalDate(iso: "2024-06-17")!
        let pastEnd = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07207", on: afterEnd, visitors: 3), by: ReportFixture.user(7),
                now: ReportFixture.at(afterEnd, 16, 45))
        }
        #expect(pastEnd?.kind == .notInCampaign)
        #expect(pastEnd?.message.contains("10/06/2024 – 16/06/2024") == true)

        let missing = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07207", visitors: 3, campaignID: 9999), by: ReportFixture.user(7),
                now: ReportFixture.at(today, 16, 45))
        }
        #expect(missing?.status == .notFound)

        try fixture.connection.run("UPDATE campaigns SET state = 'draft' WHERE id = ?", [fixture.campaignID])
        let draftCampaign = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07207", visitors: 3), by: ReportFixture.user(7),
                now: ReportFixture.at(today, 16, 45))
        }
        #expect(draftCampaign?.kind == .campaignNotOpen)
    }

    @Test func lateOpeningAcceptsOneUnitAndDateAndMarksTheReportLate() throws {
        let fixture = try ReportFixture()
        let store = DailyReportStore(fixture.connection)
        let openings = LateEntryStore(fixture.connection)
        let monday = LocalDate(iso: "2024-06-10")!
        let opening = try openings.open(
            campaignID: fixture.campaignID, unitID: try fixture.unitID("07207"), date: monday,
            reason: "Mất mạng cả buổi chiều", by: ReportFixture.user(42, role: .district),
            now: ReportFixture.at(today, 9, 0), until: ReportFixture.at(today, 12, 0))
        let receipt = try store.submit(
            try fixture.draft("07207", on: monday, visitors: 9), by: ReportFixture.user(7),
            now: ReportFixture.at(today, 10, 0))
        #expect(!receipt.onTime)
        #expect(receipt.lateEntryOpeningID == opening.id)
        let report = try #require(
            try store.report(campaignID: fixture.campaignID, unitID: try fixture.unitID("07207"), date: monday))
        #expect(!report.onTime)
        #expect(report.lateEntryOpeningID == opening.id)

        // Only that unit, only that date, only until the opening ends.
        #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07201", on: monday, visitors: 9), by: ReportFixture.user(7),
                now: ReportFixture.at(today, 10, 0))
        }
        #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07207", on: monday.adding(days: 1), visitors: 9),
                by: ReportFixture.user(7),
                now: ReportFixture.at(today, 10, 0))
        }
        let expired = #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07207", on: monday, visitors: 10), by: ReportFixture.user(7),
                now: ReportFixture.at(today, 12, 0))
        }
        #expect(expired?.kind == .notToday(date: monday, today: today))
        #expect(try openings.openings(campaignID: fixture.campaignID).map(\.reason) == ["Mất mạng cả buổi chiều"])
    }

    /// The on-time count of a unit, as the dashboards read it, and as the reports themselves say.
    func onTimeCounts(_ fixture: ReportFixture, _ unit: Int64) throws -> (totals: Int?, reports: Int?) {
        (
            try fixture.connection.scalar(
                "SELECT on_time_reports FROM unit_totals WHERE campaign_id = ? AND unit_id = ?",
                [fixture.campaignID, unit]),
            try fixture.connection.scalar(
                "SELECT sum(on_time) FROM unit_daily_reports WHERE unit_id = ?", [unit])
        )
    }

    @Test func aLateCorrectionOfAnOnTimeReportMakesTheDayLate() throws {
        let fixture = try ReportFixture()
        let store = DailyReportStore(fixture.connection)
        let openings = LateEntryStore(fixture.connection)
        let unit = try fixture.unitID("07201")
        try fixture.file("07201", on: today, visitors: 5)
        #expect(try onTimeCounts(fixture, unit) == (1, 1))
        let opening = try openings.open(
            campaignID: fixture.campaignID, unitID: unit, date: today,
            reason: "Bổ sung số liệu", by: ReportFixture.user(42, role: .district),
            now: ReportFixture.at(today, 17, 10))
        let fix = try store.submit(
            try fixture.draft("07201", visitors: 6), by: ReportFixture.user(7),
            now: ReportFixture.at(today, 17, 20))
        #expect(!fix.onTime, "this filing came through the opening")
        #expect(fix.version == 2)
        let report = try #require(try store.report(campaignID: fixture.campaignID, unitID: unit, date: today))
        #expect(!report.onTime, "the current version was filed late, so the day is late")
        #expect(report.lateEntryOpeningID == opening.id)
        #expect(try store.versions(reportID: report.id).map(\.onTime) == [true, false], "history keeps each flag")
        #expect(try onTimeCounts(fixture, unit) == (0, 0), "the unit's on-time count follows the current version")

        #expect(try openings.close(openingID: opening.id, now: ReportFixture.at(today, 17, 30)))
        #expect(throws: ReportSubmissionError.self) {
            try store.submit(
                try fixture.draft("07201", visitors: 7), by: ReportFixture.user(7),
                now: ReportFixture.at(today, 17, 31))
        }
        #expect(try onTimeCounts(fixture, unit) == (0, 0))
    }

    @Test func aLateFilingCorrectedInsideTheWindowIsOnTimeAgain() throws {
        let fixture = try ReportFixture()
        let store = DailyReportStore(fixture.connection)
        let unit = try fixture.unitID("07204")
        try LateEntryStore(fixture.connection).open(
            campaignID: fixture.campaignID, unitID: unit, date: today, reason: "Trực sớm",
            by: ReportFixture.user(42, role: .district), now: ReportFixture.at(today, 9, 0))
        let early = try store.submit(
            try fixture.draft("07204", visitors: 3), by: ReportFixture.user(7),
            now: ReportFixture.at(today, 10, 0))
        #expect(!early.onTime)
        #expect(try onTimeCounts(fixture, unit) == (0, 0))
        let inside = try store.submit(
            try fixture.draft("07204", visitors: 4), by: ReportFixture.user(7),
            now: ReportFixture.at(today, 16, 59, 59))
        #expect(inside.onTime && inside.version == 2)
        #expect(try store.report(campaignID: fixture.campaignID, unitID: unit, date: today)?.onTime == true)
        #expect(try onTimeCounts(fixture, unit) == (1, 1))
    }

    @Test func openingsAreCheckedBeforeTheyAreSaved() throws {
        let fixture = try ReportFixture()
        let openings = LateEntryStore(fixture.connection)
        let unit = try fixture.unitID("07207")
        let now = ReportFixture.at(today, 9, 0)
        let future = #expect(throws: ReportSubmissionError.self) {
            try openings.open(
                campaignID: fixture.campaignID, unitID: unit, date: today.adding(days: 1), reason: "x",
                by: ReportFixture.user(1, role: .district), now: now)
        }
        #expect(future?.message.contains("chưa đến") == true)
        let blank = #expect(throws: ReportSubmissionError.self) {
            try openings.open(
                campaignID: fixture.campaignID, unitID: unit, date: today, reason: "  ",
                by: ReportFixture.user(1, role: .district), now: now)
        }
        #expect(blank?.kind == .invalid(["reason": "Vui lòng nêu lý do mở nhập muộn."]))
        #expect(blank?.status == .unprocessableContent)
        let backwards = #expect(throws: ReportSubmissionError.self) {
            try openings.open(
                campaignID: fixture.campaignID, unitID: unit, date: today, reason: "Lý do",
                by: ReportFixture.user(1, role: .district),
                now: now, until: now - 1)
        }
        #expect(backwards?.kind == .invalid(["until": "Thời hạn nhập muộn phải sau thời điểm hiện tại."]))
        #expect(try fixture.connection.scalar("SELECT count(*) FROM late_entry_openings", as: Int.self) == 0)
    }

    @Test func formFieldsAreParsedWithVietnameseMessages() throws {
        let ok = DailyReportDraft.parse(
            [
                "visitors": ["12"], "guided": [" 8 "], "staff_on_duty": ["2"], "volunteers": ["0"],
                "publicity": ["loa", "niem_yet", ""], "difficulties": ["  Thiếu người trực  "], "proposals": [""],
            ],
            campaignID: 1, unitID: 2, date: today)
        let draft = try ok.get()
        #expect(draft.visitors == 12)
        #expect(draft.guided == 8)
        #expect(draft.publicity == [.loudspeaker, .noticeBoard])
        #expect(draft.difficulties == "Thiếu người trực")

        let bad = DailyReportDraft.parse(
            [
                "visitors": ["-1"], "guided": ["abc"], "volunteers": ["3"], "publicity": ["tivi"],
                "difficulties": [String(repeating: "ă", count: 2001)],
            ],
            campaignID: 1, unitID: 2, date: today)
        guard case .failure(let error) = bad, case .invalid(let fields) = error.kind else {
            Issue.record("bad fields must be refused")
            return
        }
        #expect(fields["visitors"] == "Số người đến giao dịch phải là số nguyên từ 0 đến 100000.")
        #expect(fields["guided"] == "Số người được hướng dẫn trả lời phiếu phải là số nguyên từ 0 đến 100000.")
        #expect(fields["staff_on_duty"] == "Vui lòng nhập số cán bộ trực.")
        #expect(fields["publicity"] == "Hình thức tuyên truyền không hợp lệ, vui lòng chọn lại.")
        #expect(fields["difficulties"] == "Khó khăn, vướng mắc dài quá 2000 ký tự.")
        #expect(fields["volunteers"] == nil)
        #expect(error.status == .unprocessableContent)
        #expect(
            PublicityChannel.allCases.map(\.label) == [
                "Niêm yết", "Loa truyền thanh", "Trang tin điện tử", "Mạng xã hội", "Hội nghị",
            ])
    }

    @Test func aDraftBuiltInCodeIsCheckedToo() throws {
        let fixture = try ReportFixture()
        var draft = try fixture.draft("07207", visitors: 5)
        draft.volunteers = -3
        let error = #expect(throws: ReportSubmissionError.self) {
            try DailyReportStore(fixture.connection).submit(
                draft, by: ReportFixture.user(1),
                now: ReportFixture.at(today, 16, 45))
        }
        #expect(error?.kind == .invalid(["volunteers": "Số liệu phải là số nguyên từ 0 đến 100000."]))
    }

    /// How pages and the API will call it: through the pool's group commit, with the app's clock. A refused
    /// report in a batch leaves the other jobs of that batch alone.
    @Test func submitsThroughThePoolWithTheAppClock() async throws {
        let app = try await TestApp()
        let campaignID = app.demoCampaignID
        let unitID = try #require(try await app.pool.read { try UnitStore($0).unit(code: "07207", inSet: 1)?.id })
        app.clock.set(Double(ReportFixture.at(today, 16, 40)))
        let now = app.clock.nowSeconds
        let day = app.clock.today
        let draft = DailyReportDraft(
            campaignID: campaignID, unitID: unitID, date: day, visitors: 15, guided: 9,
            staffOnDuty: 3, volunteers: 2, publicity: [.socialMedia])
        async let accepted = app.pool.write {
            try DailyReportStore($0).submit(
                draft, by: ReportFixture.user(5),
                now: now)
        }
        async let refused: DailyReportReceipt? = try? app.pool.write { connection in
            var yesterday = draft
            yesterday.date = day.adding(days: -1)
            return try DailyReportStore(connection).submit(yesterday, by: ReportFixture.user(5), now: now)
        }
        let receipt = try await accepted
        #expect(await refused == nil)
        #expect(receipt.onTime)
        let summary = try await app.pool.read {
            try ReportSummaryStore($0).communeSummary(campaignID: campaignID, unitID: unitID, today: day)
        }
        #expect(summary?.reportedToday == .onTime)
        #expect(summary?.visitors == 15)
        #expect(try await app.scalar("SELECT count(*) FROM unit_daily_report_versions") == 1)
        await app.close()
    }
}
