import Survey
import Testing

@testable import App
@testable import Store

/// The share of units at the satisfaction threshold, one rule (`ThresholdCount`) for the province's card and the
/// district roll-up's column, at its edges. DashboardSummaryTests' data set: district 213 has Thọ Xương 0.9,
/// Trần Nguyên Hãn 0.5 and Ngô Quyền 1.0; district 215 has Đồng Tiến 5/6.
@Suite struct ThresholdShareTests {
    @Test func theRuleAtItsEdges() {
        #expect(ThresholdCount.meets(0.8, threshold: 0.8), "exactly at the threshold meets it")
        #expect(ThresholdCount.meets(4.0 / 5.0, threshold: 0.8))
        #expect(ThresholdCount.meets(0.8 - 1e-12, threshold: 0.8), "binary fractions a hair below still meet it")
        #expect(!ThresholdCount.meets(0.799, threshold: 0.8))
        #expect(!ThresholdCount.meets(nil, threshold: 0.0), "without answers a unit never meets it, even at 0")
        #expect(ThresholdCount.meets(0.0, threshold: 0.0))

        var count = ThresholdCount(threshold: 0.8)
        #expect(count.share == nil, "no unit: nothing to divide")
        count.add(nil)
        #expect(count.units == 1 && count.meeting == 0)
        #expect(count.share == 0, "units without answers: 0%, not –")
        count.add(0.8)
        count.add(0.9)
        count.add(0.5)
        #expect(count.meeting == 2 && count.units == 4)
        #expect(count.share == 0.5)
    }

    func districts(_ fixture: ReportFixture) throws -> [String: DistrictSummary] {
        let list = try ReportSummaryStore(fixture.connection).districtSummaries(
            campaignID: fixture.campaignID, today: ReportFixture.today)
        return Dictionary(uniqueKeysWithValues: list.map { ($0.code, $0) })
    }

    func setThreshold(_ fixture: ReportFixture, _ value: String) throws {
        try fixture.connection.run("UPDATE settings SET value = ? WHERE key = 'satisfaction_threshold'", [value])
    }

    @Test func districtsCountTheirCommunesAsTheCardCountsUnits() throws {
        let fixture = try DashboardSummaryTests.makeDataSet()
        let store = ReportSummaryStore(fixture.connection)
        var byCode = try districts(fixture)
        // 0.8 (the standard): 213 has 0.9 and 1.0 above, 0.5 below; 215's 5/6 is above.
        #expect(byCode["213"]?.communesMeetingThreshold == 2)
        #expect(byCode["213"]?.shareMeetingThreshold == 2.0 / 3.0)
        #expect(byCode["215"]?.shareMeetingThreshold == 1)

        // Exactly at the threshold: Thọ Xương's 0.9 meets 0.9.
        try setThreshold(fixture, "0.9")
        byCode = try districts(fixture)
        #expect(byCode["213"]?.communesMeetingThreshold == 2, "0.9 and 1.0 meet 0.9")
        #expect(byCode["215"]?.communesMeetingThreshold == 0, "5/6 is below 0.9")
        #expect(byCode["215"]?.shareMeetingThreshold == 0)
        // Trần Nguyên Hãn's 0.5 meets 0.5 exactly: every commune.
        try setThreshold(fixture, "0.5")
        byCode = try districts(fixture)
        #expect(byCode["213"]?.shareMeetingThreshold == 1)

        // The card counts the same way over every unit: the two never disagree on a unit.
        let summary = try #require(
            try store.campaignSummary(campaignID: fixture.campaignID, today: ReportFixture.today))
        #expect(summary.unitsMeetingThreshold == 4)
        let total = byCode.values.reduce(0) { $0 + $1.communesMeetingThreshold }
        #expect(total == summary.unitsMeetingThreshold)
    }

    @Test func aDistrictWithoutAnswersIsAtZeroAndWithoutCommunesHasNoShare() async throws {
        let fixture = try ReportFixture(codes: ["07201", "07243"])
        try fixture.addCounts("07201", on: ReportFixture.today, answers: 2, options: [2021: 2])
        let byCode = try districts(fixture)
        #expect(byCode["213"]?.shareMeetingThreshold == 1)
        #expect(byCode["215"]?.communes == 1)
        #expect(byCode["215"]?.satisfiedShare == nil, "Đồng Tiến has no answer")
        #expect(byCode["215"]?.shareMeetingThreshold == 0, "its commune counts and does not meet the threshold")

        // A district whose only unit in the campaign is its desk (PKS05) has no commune: no share at all.
        let desk = try ReportFixture(formCode: "PKS05", codes: ["07201", "215"])
        try desk.addCounts("215", on: ReportFixture.today, answers: 3, options: [:])
        let deskDistricts = try districts(desk)
        #expect(deskDistricts["215"]?.communes == 0)
        #expect(deskDistricts["215"]?.shareMeetingThreshold == nil)
        #expect(deskDistricts["213"]?.shareMeetingThreshold == 0)
    }

    @Test func theRollUpShowsTheShareAndTheCountsThroughFormat() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        try await DashboardTableTests().report(app, "07243", visitors: 1)
        try await DashboardTableTests().answer(app, "07243", count: 2) { $0.options.first }
        let province = try await app.signIn("tinh24")
        let base = SiteRoute.dashboard(campaign: app.demoCampaignID).path
        let page = await app.get(base, as: province)
        let table = try #require(page.document.table(class: "districts"))
        let yenThe = try #require(table.row(where: "Huyện", is: "Huyện Yên Thế"))
        let communes = try #require(Int(yenThe["Số xã"] ?? ""))
        #expect(communes > 1)
        let share = Format.percent(1.0 / Double(communes))
        #expect(yenThe["Xã đạt ngưỡng"] == "\(share) (1/\(communes))", "Đồng Tiến alone is fully satisfied")
        let city = try #require(table.row(where: "Huyện", is: "Thành phố Bắc Giang"))
        #expect(city["Xã đạt ngưỡng"]?.hasPrefix("0,0% (0/") == true, "no answers: 0%, not –")
        #expect(
            page.document.texts(of: "p", class: "note").contains {
                $0.hasPrefix("Xã đạt ngưỡng: số xã có tỷ lệ hài lòng từ 80,0% trở lên")
            })
        await app.close()
    }
}
