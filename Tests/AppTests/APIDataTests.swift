import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Exact JSON over a hand-made data set (answers stored through ResponseStore, reports filed through
/// DailyReportStore at 16:45 of their day; today is Wednesday 12/06/2024). PKS02 answers are all-first (every
/// evaluative answer positive) or all-last (every one negative), so a unit's satisfied share is simply
/// positive / answers:
///
/// | unit (district) | reports: visitors | answers (+/−) | R / V, bounds | status | share |
/// |---|---|---|---|---|---|
/// | 07201 Thọ Xương (213) | Mon 10, Tue 6 | Mon 5+, Tue 1− | 6 / 16, 8–24 | thiếu | 5/6 = 0.8333 |
/// | 07204 Trần Nguyên Hãn (213) | Tue 4 | Tue 3+ | 3 / 4, 2–6 | đạt | 1 |
/// | 07207 Ngô Quyền (213) | none | Mon 1+ 1− | – | chưa báo cáo | 0.5 |
/// | 07243 Đồng Tiến (215) | Mon 2 | Mon 3+ 1− | 4 / 2, 1–3 | vượt | 0.75 |
@Suite struct APIDataTests {
    static let units = [
        #"{"answers":6,"code":"07201","district":"213","flagged":0,"flagged_confirmed":0,"name":"Phường Thọ Xương","quota_status":"thieu","reports_on_time":2,"satisfied_share":0.8333,"visitors":16}"#,
        #"{"answers":3,"code":"07204","district":"213","flagged":0,"flagged_confirmed":0,"name":"Phường Trần Nguyên Hãn","quota_status":"dat","reports_on_time":1,"satisfied_share":1,"visitors":4}"#,
        #"{"answers":2,"code":"07207","district":"213","flagged":0,"flagged_confirmed":0,"name":"Phường Ngô Quyền","quota_status":"chua_bao_cao","reports_on_time":0,"satisfied_share":0.5,"visitors":0}"#,
        #"{"answers":4,"code":"07243","district":"215","flagged":0,"flagged_confirmed":0,"name":"Xã Đồng Tiến","quota_status":"vuot","reports_on_time":1,"satisfied_share":0.75,"visitors":2}"#,
    ]

    @Test func communesAreExactAndCutToScope() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let path = "/api/v1/campaigns/\(world.campaignID)/communes"
        #expect(await world.get(path, as: "tinh24").text == "[" + Self.units.joined(separator: ",") + "]")
        #expect(await world.get(path, as: "huyen213").text == "[" + Self.units[0...2].joined(separator: ",") + "]")
        #expect(await world.get(path, as: "huyen215").text == "[" + Self.units[3] + "]")
        #expect(await world.get(path, as: "xa07201").text == "[" + Self.units[0] + "]")
        #expect(await world.get(path, as: "xa07243").text == "[" + Self.units[3] + "]")
        await world.close()
    }

    /// The dashboard's cards over each scope. At the 80% threshold: 07201 (0.8333) and 07204 (1) reach it, 07207
    /// (0.5) and 07243 (0.75) do not; the candidates for commendation are the units met or over, best share first.
    @Test func summaryCountsOnlyTheUnitsInScope() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let path = "/api/v1/campaigns/\(world.campaignID)/summary"
        func summary(
            answers: Int, statuses: String, candidates: String, share: String, meeting: String, units: Int,
            reaching: Int, visitors: Int
        ) -> String {
            #"{"answers":\#(answers),"answers_today":0,"by_status":{\#(statuses)},"commendation_candidates":[\#(candidates)],"ends":"2024-06-16","flagged_confirmed":0,"flagged_open":0,"form":"PKS02","id":\#(world.campaignID),"reported_today":0,"satisfaction_threshold":0.8,"satisfied_share":\#(share),"share_meeting_threshold":\#(meeting),"starts":"2024-06-10","title":"Đợt thử API","units":\#(units),"units_meeting_threshold":\#(reaching),"visitors":\#(visitors),"yearly_target_share":0.6}"#
        }
        // Pooled over every evaluative answer: 12 positive of 15 for the province, 9 of 11 for Thành phố.
        #expect(
            await world.get(path, as: "tinh24").text
                == summary(
                    answers: 15, statuses: #""chua_bao_cao":1,"dat":1,"thieu":1,"vuot":1"#,
                    candidates: #""07204","07243""#, share: "0.8", meeting: "0.5", units: 4, reaching: 2,
                    visitors: 22))
        #expect(
            await world.get(path, as: "huyen213").text
                == summary(
                    answers: 11, statuses: #""chua_bao_cao":1,"dat":1,"thieu":1,"vuot":0"#, candidates: #""07204""#,
                    share: "0.8182", meeting: "0.6667", units: 3, reaching: 2, visitors: 20))
        #expect(
            await world.get(path, as: "xa07243").text
                == summary(
                    answers: 4, statuses: #""chua_bao_cao":0,"dat":0,"thieu":0,"vuot":1"#, candidates: #""07243""#,
                    share: "0.75", meeting: "0", units: 1, reaching: 0, visitors: 2))
        await world.close()
    }

    /// The province's roll-up per district, as the dashboard's "Theo huyện" table; a district reads its own line.
    @Test func districtsAreTheDashboardRollUp() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let path = SiteRoute.apiDistricts(campaign: world.campaignID).path
        let city =
            #"{"answers":11,"by_status":{"chua_bao_cao":1,"dat":1,"thieu":1,"vuot":0},"code":"213","communes":3,"communes_meeting_threshold":2,"name":"Thành phố Bắc Giang","reported_today":0,"satisfied_share":0.8182,"share_meeting_threshold":0.6667,"visitors":20}"#
        let yenThe =
            #"{"answers":4,"by_status":{"chua_bao_cao":0,"dat":0,"thieu":0,"vuot":1},"code":"215","communes":1,"communes_meeting_threshold":0,"name":"Huyện Yên Thế","reported_today":0,"satisfied_share":0.75,"share_meeting_threshold":0,"visitors":2}"#
        let province = await world.get(path, as: "tinh24")
        #expect(province.status == .ok)
        #expect(province.text == "[\(city),\(yenThe)]")
        #expect(await world.get(path, as: "huyen213").text == "[\(city)]")
        #expect(await world.get(path, as: "huyen215").text == "[\(yenThe)]")
        let commune = await world.get(path, as: "xa07201")
        #expect(commune.status == .forbidden)
        #expect(try APIErrorBody(commune).error == "forbidden")
        // The dashboard's table shows the same line.
        let browser = try await world.app.signIn("tinh24")
        let page = await world.app.get(SiteRoute.dashboard(campaign: world.campaignID).path, as: browser).document
        let table = try #require(page.table(class: "districts"))
        #expect(table.rows.first?.texts.first == "Thành phố Bắc Giang")
        #expect(table.rows.first?.texts.contains("11") == true)
        await world.close()
    }

    @Test func noAnswersYetIsNullNotZero() async throws {
        let world = try await APIWorld()
        let quiet = try await APIWorld.createCampaign(
            world.app, title: "Chưa có phiếu", scope: .units(["07201"]),
            start: APIWorld.monday, end: APIWorld.wednesday)
        #expect(
            await world.get("/api/v1/campaigns/\(quiet)/communes", as: "xa07201").text
                == #"[{"answers":0,"code":"07201","district":"213","flagged":0,"flagged_confirmed":0,"name":"Phường Thọ Xương","quota_status":"chua_bao_cao","reports_on_time":0,"satisfied_share":null,"visitors":0}]"#
        )
        #expect(
            await world.get("/api/v1/campaigns/\(quiet)/summary", as: "xa07201").text
                == #"{"answers":0,"answers_today":0,"by_status":{"chua_bao_cao":1,"dat":0,"thieu":0,"vuot":0},"commendation_candidates":[],"ends":"2024-06-12","flagged_confirmed":0,"flagged_open":0,"form":"PKS02","id":\#(quiet),"reported_today":0,"satisfaction_threshold":0.8,"satisfied_share":null,"share_meeting_threshold":0,"starts":"2024-06-10","title":"Chưa có phiếu","units":1,"units_meeting_threshold":0,"visitors":0,"yearly_target_share":0.6}"#
        )
        await world.close()
    }

    /// "Recent" is 90 days: on 12/06/2024 a campaign that ended on 14/03 is listed, one that ended on 13/03 is not.
    @Test func campaignListIsOpenUpcomingAndRecent() async throws {
        let world = try await APIWorld()
        let app = world.app
        let units = CampaignScope.units(["07243"])
        try await APIWorld.createCampaign(
            app, title: "Hết hạn lâu", scope: units,
            start: LocalDate(iso: "2024-03-01")!, end: LocalDate(iso: "2024-03-13")!)
        let recent = try await APIWorld.createCampaign(
            app, title: "Vừa kết thúc", scope: units,
            start: LocalDate(iso: "2024-03-02")!,
            end: LocalDate(iso: "2024-03-14")!)
        let upcoming = try await APIWorld.createCampaign(
            app, title: "Sắp mở", scope: units,
            start: LocalDate(iso: "2024-06-20")!,
            end: LocalDate(iso: "2024-06-30")!)
        let closedEarly = try await APIWorld.createCampaign(
            app, title: "Đóng sớm", scope: units,
            start: LocalDate(iso: "2024-06-01")!,
            end: LocalDate(iso: "2024-06-30")!)
        try await app.pool.write { try CampaignStore($0).close(campaignID: closedEarly, today: APIWorld.wednesday) }
        let demo = app.demoCampaignID
        func item(
            _ id: Int64, _ title: String, _ starts: String, _ ends: String, _ state: String,
            _ phase: String
        ) -> String {
            #"{"ends":"\#(ends)","form":"PKS02","id":\#(id),"phase":"\#(phase)","starts":"\#(starts)","state":"\#(state)","title":"\#(title)"}"#
        }
        let expected =
            "["
            + [
                item(upcoming, "Sắp mở", "2024-06-20", "2024-06-30", "open", "sap_mo"),
                item(world.campaignID, "Đợt thử API", "2024-06-10", "2024-06-16", "open", "dang_mo"),
                item(closedEarly, "Đóng sớm", "2024-06-01", "2024-06-12", "closed", "da_ket_thuc"),
                item(demo, DemoSeeder.campaignTitle, "2024-05-13", "2024-07-12", "open", "dang_mo"),
                item(recent, "Vừa kết thúc", "2024-03-02", "2024-03-14", "open", "da_ket_thuc"),
            ].joined(separator: ",") + "]"
        let response = await world.get("/api/v1/campaigns", as: "xa07243")
        #expect(response.status == .ok)
        #expect(response.text == expected)
        await world.close()
    }
}
