import Database
import Survey
import Testing

@testable import App
@testable import Store

@Suite struct ReportQuotaTests {
    let today = ReportFixture.today
    let monday = LocalDate(iso: "2024-06-10")!
    let tuesday = LocalDate(iso: "2024-06-11")!

    func quota(_ fixture: ReportFixture, _ code: String) throws -> QuotaCheck {
        try #require(
            try ReportSummaryStore(fixture.connection).quotaCheck(
                campaignID: fixture.campaignID, unitID: try fixture.unitID(code), today: today))
    }

    /// V = 10 visitors, tolerance 50%: lower = ceil(5) = 5, upper = 15.
    @Test(arguments: [(4, QuotaStatus.short), (5, .met), (15, .met), (16, .over)])
    func statusAtEachBoundaryOfTenVisitors(answers: Int, expected: QuotaStatus) throws {
        let fixture = try ReportFixture()
        try fixture.file("07207", on: monday, visitors: 6)
        try fixture.file("07207", on: tuesday, visitors: 4)
        try fixture.addCounts("07207", on: monday, answers: answers / 2)
        try fixture.addCounts("07207", on: tuesday, answers: answers - answers / 2)
        let check = try quota(fixture, "07207")
        #expect(check.basis == .visitors)
        #expect(check.base == 10)
        #expect(check.lowerBound == 5)
        #expect(check.upperBound == 15)
        #expect(check.answers == answers)
        #expect(check.status == expected)
    }

    @Test func busyFloorCapsTheLowerBound() throws {
        let fixture = try ReportFixture()
        try fixture.file("07207", on: monday, visitors: 100)
        try fixture.addCounts("07207", on: monday, answers: 19)
        #expect(try quota(fixture, "07207").lowerBound == 20)
        #expect(try quota(fixture, "07207").status == .short)
        try fixture.addCounts("07207", on: monday, answers: 1)
        #expect(try quota(fixture, "07207").status == .met)
    }

    @Test func answersOfUnreportedDaysAreShownBesideAndNotCounted() throws {
        let fixture = try ReportFixture()
        // Nothing reported yet: chưa báo cáo, whatever came in.
        try fixture.storeResponses("07201", on: monday, count: 3)
        var check = try quota(fixture, "07201")
        #expect(check.status == .notReported)
        #expect(check.uncountedAnswers == 3)
        #expect(check.answers == 0)

        try fixture.file("07201", on: tuesday, visitors: 4)
        try fixture.storeResponses("07201", on: tuesday, count: 2)
        check = try quota(fixture, "07201")
        #expect(check.answers == 2, "only Tuesday has a report")
        #expect(check.base == 4)
        #expect(check.uncountedAnswers == 3)
        #expect(check.status == .met, "lower bound ceil(4 × 0.5) = 2")
        let summary = try #require(
            try ReportSummaryStore(fixture.connection).communeSummary(
                campaignID: fixture.campaignID, unitID: try fixture.unitID("07201"), today: today))
        #expect(summary.answers == 5)
        #expect(summary.answersOnReportedDays == 2)
        #expect(summary.answersOnUnreportedDays == 3)
        #expect(summary.quotaStatus.label == "đạt")
    }

    @Test func pks01CountsAgainstAHeadcountEnteredOncePerCampaign() throws {
        let fixture = try ReportFixture()
        let pks01 = try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS01", codes: ["07207", "07201"],
            today: today)
        let headcounts = HeadcountStore(fixture.connection)
        let unit = try fixture.unitID("07207")
        let summaries = ReportSummaryStore(fixture.connection)
        #expect(try summaries.quotaCheck(campaignID: pks01, unitID: unit, today: today)?.status == .notReported)

        try headcounts.enter(
            campaignID: pks01, unitID: unit, headcount: 24, by: ReportFixture.user(3),
            now: ReportFixture.at(today, 9, 0))
        #expect(try headcounts.headcount(campaignID: pks01, unitID: unit) == 24)
        let again = #expect(throws: ReportSubmissionError.self) {
            try headcounts.enter(
                campaignID: pks01, unitID: unit, headcount: 30, by: ReportFixture.user(3),
                now: ReportFixture.at(today, 10, 0))
        }
        #expect(again?.kind == .alreadyEntered)
        #expect(again?.message.contains("24 người") == true)
        #expect(try headcounts.headcount(campaignID: pks01, unitID: unit) == 24, "the first number stays")

        // Answers of any day count against the headcount: lower = ceil(24 × 0.5) = 12.
        try fixture.addCounts("07207", on: monday, answers: 11, campaignID: pks01)
        var check = try #require(try summaries.quotaCheck(campaignID: pks01, unitID: unit, today: today))
        #expect(check.basis == .headcount)
        #expect(check.base == 24)
        #expect(check.answers == 11)
        #expect(check.uncountedAnswers == 0)
        #expect(check.status == .short)
        try fixture.addCounts("07207", on: tuesday, answers: 1, campaignID: pks01)
        check = try #require(try summaries.quotaCheck(campaignID: pks01, unitID: unit, today: today))
        #expect(check.status == .met)

        let wrongForm = #expect(throws: ReportSubmissionError.self) {
            try headcounts.enter(
                campaignID: fixture.campaignID, unitID: unit, headcount: 10, by: ReportFixture.user(3),
                now: ReportFixture.at(today, 9, 0))
        }
        #expect(wrongForm?.kind == .notHeadcountCampaign)
        let zero = #expect(throws: ReportSubmissionError.self) {
            try headcounts.enter(
                campaignID: pks01, unitID: try fixture.unitID("07201"), headcount: 0,
                by: ReportFixture.user(3),
                now: ReportFixture.at(today, 9, 0))
        }
        #expect(zero?.kind == .invalid(["headcount": "Số cán bộ, công chức phải là số nguyên từ 1 đến 100000."]))
    }
}
