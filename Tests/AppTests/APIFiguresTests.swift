import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The figures of the console's unit page, dashboard chart, today board and commune year through the API, over
/// APIWorld's hand-made data set (see APIDataTests for its table; today is Wednesday 12/06/2024 10:00): the same
/// numbers the pages show for the same fixture, and the pages' scope and refusals as JSON.
@Suite struct APIFiguresTests {
    static func object(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    static func array(_ response: HTTPResponse) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
    }

    /// 07201: reports Monday (10 visitors, 5 guided, 1 volunteer) and Tuesday (6, 3, 1) at 16:45, answers 5+ on
    /// Monday and 1− on Tuesday; Wednesday at 10:00 has no report and its window has not closed.
    @Test func aCommuneInACampaignIsItsPageAsJSON() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let path = SiteRoute.apiCommune(campaign: world.campaignID, unit: "07201").path
        let response = await world.get(path, as: "xa07201")
        #expect(response.status == .ok)
        #expect(response.headers["Cache-Control"] == "no-store")
        let text = response.text
        // The list item, byte for byte.
        #expect(text.hasPrefix(#"{"answers_today":0,"commune":"# + APIDataTests.units[0] + ","))
        #expect(
            text.contains(
                #""days":[{"answers":5,"date":"2024-06-10","guided":5,"late_entry":false,"report":"dung_gio","versions":1,"visitors":10,"volunteers":1},{"answers":1,"date":"2024-06-11","guided":3,"late_entry":false,"report":"dung_gio","versions":1,"visitors":6,"volunteers":1},{"answers":0,"date":"2024-06-12","guided":null,"late_entry":null,"report":"chua_den_han","versions":null,"visitors":null,"volunteers":null}]"#
            ))
        #expect(
            text.contains(
                #""quota":{"answers":6,"base":16,"basis":"visitors","lower_bound":8,"uncounted_answers":0,"upper_bound":24}"#
            ))
        #expect(text.contains(#""reports":{"late":0,"missing":0,"on_time":2}"#))
        #expect(text.contains(#""reported_today":"chua_bao_cao","reports":"#))
        #expect(text.hasSuffix(#""suggestions_waiting":0}"#))
        // Satisfaction per question: every evaluative question was answered by all six people, five positively.
        let questions = try #require(try Self.object(response)["questions"] as? [[String: Any]])
        let evaluative = questions.filter { $0["evaluative"] as? Bool == true }
        #expect(!evaluative.isEmpty)
        for question in evaluative {
            #expect(question["answers"] as? Int == 6, "\(question["number"] ?? "")")
            #expect(question["satisfied_share"] as? Double == 0.8333, "\(question["number"] ?? "")")
        }
        #expect(questions.first?["number"] as? String == "1")
        // The same figures on the unit's page.
        let browser = try await world.app.signIn("xa07201")
        let page = await world.app.get(
            SiteRoute.campaignUnit(campaign: world.campaignID, unit: "07201").path, as: browser
        ).document
        let reports = try #require(page.table(class: "reports"))
        #expect(reports.column("Khách") == ["–", "6", "10"])
        #expect(reports.column("Nộp") == ["Chưa đến hạn", "Đúng giờ", "Đúng giờ"])
        // The district and the province read it too; the other district and commune are refused.
        #expect(await world.get(path, as: "huyen213").text == text)
        #expect(await world.get(path, as: "tinh24").text == text)
        for user in ["huyen215", "xa07243"] {
            let refused = await world.get(path, as: user)
            #expect(refused.status == .forbidden, "\(user)")
            #expect(try APIErrorBody(refused).error == "forbidden")
        }
        await world.close()
    }

    /// A day filed through a late-entry opening is late and says so; a past day without a report is missing.
    @Test func lateEntryAndMissingDaysAreMarked() async throws {
        let world = try await APIWorld()
        let unitID = try await world.unitID("07204")
        let campaignID = world.campaignID
        let tuesdayMorning = VietnamTime.instant(APIWorld.tuesday, hour: 9, minute: 0)
        try await world.app.pool.write { connection in
            try connection.run(
                """
                INSERT INTO late_entry_openings (campaign_id, unit_id, local_date, reason, opened_by, opened_at, until)
                VALUES (?, ?, ?, 'Mất điện', 1, ?, ?)
                """, [campaignID, unitID, APIWorld.monday.iso, tuesdayMorning, tuesdayMorning + 86_400])
            let draft = DailyReportDraft(
                campaignID: campaignID, unitID: unitID, date: APIWorld.monday, visitors: 7, guided: 2, staffOnDuty: 1,
                volunteers: 0)
            _ = try DailyReportStore(connection).submit(draft, by: ReportFixture.user(1), now: tuesdayMorning + 60)
        }
        world.setClock(APIWorld.wednesday, 17, 30)
        let response = await world.get(SiteRoute.apiCommune(campaign: campaignID, unit: "07204").path, as: "tinh24")
        #expect(response.status == .ok)
        #expect(
            response.text.contains(
                #""days":[{"answers":0,"date":"2024-06-10","guided":2,"late_entry":true,"report":"muon","versions":1,"visitors":7,"volunteers":0},{"answers":0,"date":"2024-06-11","guided":null,"late_entry":null,"report":"chua_bao_cao","versions":null,"visitors":null,"volunteers":null},{"answers":0,"date":"2024-06-12","guided":null,"late_entry":null,"report":"chua_bao_cao","versions":null,"visitors":null,"volunteers":null}]"#
            ))
        #expect(response.text.contains(#""reports":{"late":1,"missing":2,"on_time":0}"#))
        await world.close()
    }

    @Test func unknownCampaignsAndUnitsAreJSON404s() async throws {
        let world = try await APIWorld()
        let cases: [(String, String)] = [
            (SiteRoute.apiCommune(campaign: 999_999, unit: "07201").path, "campaign_not_found"),
            ("/api/v1/campaigns/abc/communes/07201", "campaign_not_found"),
            (SiteRoute.apiCommune(campaign: world.campaignID, unit: "99999").path, "unit_not_found"),
            // A real commune the campaign does not cover.
            (SiteRoute.apiCommune(campaign: world.campaignID, unit: "07210").path, "unit_not_found"),
            (SiteRoute.apiDays(campaign: 999_999).path, "campaign_not_found"),
            (SiteRoute.apiYearCommune(year: 1999, unit: "07201").path, "not_found"),
            (SiteRoute.apiYearCommune(year: 2024, unit: "99999").path, "not_found"),
            // A district's code is not a commune.
            (SiteRoute.apiYearCommune(year: 2024, unit: "213").path, "not_found"),
            (SiteRoute.apiToday.href([("district", "07201")]), "unit_not_found"),
        ]
        for (path, code) in cases {
            let response = await world.get(path, as: "tinh24")
            #expect(response.status == .notFound, "\(path)")
            #expect(try APIErrorBody(response).error == code, "\(path)")
            #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true, "\(path)")
        }
        // A malformed parameter is a JSON 400.
        let malformed = await world.get(SiteRoute.apiToday.path + "?district=%ZZ", as: "tinh24")
        #expect(malformed.status == .badRequest)
        #expect(try APIErrorBody(malformed).error == "bad_request")
        // A draft is hidden below the province; a campaign without the caller's units is out of scope.
        let draft = try await APIWorld.createCampaign(
            world.app, title: "Bản nháp", scope: .units(["07201"]), start: APIWorld.monday, end: APIWorld.wednesday,
            state: .draft)
        #expect(await world.get(SiteRoute.apiDays(campaign: draft).path, as: "xa07201").status == .notFound)
        #expect(
            await world.get(SiteRoute.apiCommune(campaign: draft, unit: "07201").path, as: "xa07201").status
                == .notFound)
        #expect(await world.get(SiteRoute.apiDays(campaign: draft).path, as: "tinh24").status == .ok)
        let elsewhere = try await APIWorld.createCampaign(
            world.app, title: "Yên Thế", scope: .units(["07243"]), start: APIWorld.monday, end: APIWorld.wednesday)
        let refused = await world.get(SiteRoute.apiDays(campaign: elsewhere).path, as: "xa07201")
        #expect(refused.status == .forbidden)
        #expect(try APIErrorBody(refused).error == "forbidden")
        await world.close()
    }

    /// Answers per day over each caller's scope: Monday 5 (07201) + 2 (07207) + 4 (07243), Tuesday 1 (07201) + 3
    /// (07204), Wednesday none.
    @Test func daysAreTheDashboardChartOverTheScope() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let path = SiteRoute.apiDays(campaign: world.campaignID).path
        func series(_ monday: Int, _ tuesday: Int) -> String {
            #"[{"answers":\#(monday),"date":"2024-06-10"},{"answers":\#(tuesday),"date":"2024-06-11"},{"answers":0,"date":"2024-06-12"}]"#
        }
        let expected = [
            "tinh24": series(11, 4), "huyen213": series(7, 4), "huyen215": series(4, 0), "xa07201": series(5, 1),
            "xa07243": series(4, 0),
        ]
        for (user, body) in expected {
            let response = await world.get(path, as: user)
            #expect(response.status == .ok, "\(user)")
            #expect(response.headers["Cache-Control"] == APIList.cacheControl, "a list: \(user)")
            #expect(response.text == body, "\(user)")
        }
        // The dashboard's chart draws the same bars.
        for (user, bar) in [
            ("tinh24", "10/06: 11 phiếu"), ("huyen213", "10/06: 7 phiếu"), ("xa07201", "10/06: 5 phiếu"),
        ] {
            let browser = try await world.app.signIn(user)
            let page = await world.app.get(SiteRoute.dashboard(campaign: world.campaignID).path, as: browser)
            #expect(page.text.contains("<title>\(bar)</title>"), "\(user)")
        }
        await world.close()
    }

    /// At 17:30 on Wednesday: 07201 filed at 16:45, the other units of the scope did not. Every demo commune is in
    /// the demo campaign, so each unit is counted by it and, for the four of APIWorld, by the test campaign too.
    @Test func todayIsTheBoardOfTheScope() async throws {
        let world = try await APIWorld()
        try await world.file("07201", on: APIWorld.wednesday, visitors: 8)
        world.setClock(APIWorld.wednesday, 17, 30)
        let demo = world.app.demoCampaignID
        let own = await world.get(SiteRoute.apiToday.path, as: "xa07201")
        #expect(own.status == .ok)
        #expect(own.headers["Cache-Control"] == APIList.cacheControl, "a list")
        #expect(
            own.text
                == #"[{"campaigns":[\#(demo),\#(world.campaignID)],"code":"07201","date":"2024-06-12","district":"213","filed_at":"2024-06-12T16:45:00+07:00","level":"commune","name":"Phường Thọ Xương","status":"dung_gio","versions":1,"window":{"closes":"17:00","opens":"16:30"}}]"#
        )
        let district = try Self.array(await world.get(SiteRoute.apiToday.path, as: "huyen213"))
        #expect(Set(district.compactMap { $0["district"] as? String }) == ["213"])
        let statuses = Dictionary(
            district.compactMap { row in (row["code"] as? String).map { ($0, row["status"] as? String ?? "") } },
            uniquingKeysWith: { first, _ in first })
        #expect(statuses["07201"] == "dung_gio")
        #expect(statuses["07204"] == "chua_bao_cao")
        #expect(district.filter { $0["status"] as? String == "dung_gio" }.count == 1)
        #expect(district.first { $0["code"] as? String == "07204" }?["filed_at"] is NSNull)
        // The province narrowed to district 213 reads the district's own board.
        let narrowed = await world.get(SiteRoute.apiToday.href([("district", "213")]), as: "tinh24")
        #expect(try Self.array(narrowed).count == district.count)
        // The page counts the same units as reported.
        let browser = try await world.app.signIn("huyen213")
        let page = await world.app.get(SiteRoute.today.path, as: browser)
        #expect(page.document.text.contains("1/\(district.count) đơn vị đã báo cáo"))
        for (user, query) in [("xa07201", "213"), ("huyen213", "215")] {
            let refused = await world.get(SiteRoute.apiToday.href([("district", query)]), as: user)
            #expect(refused.status == .forbidden, "\(user)")
            #expect(try APIErrorBody(refused).error == "forbidden")
        }
        await world.close()
    }

    /// 07201's 2024: the demo campaign (13/05–12/07, no answers from 07201) and the test campaign (6 answers, 5
    /// positive); 31 report days through Wednesday (28 missed before Monday, Monday and Tuesday on time, Wednesday
    /// not due). Six answers are below the index's minimum of 30: unranked.
    @Test func aCommuneYearIsItsPageAsJSON() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let path = SiteRoute.apiYearCommune(year: 2024, unit: "07201").path
        let response = await world.get(path, as: "xa07201")
        #expect(response.status == .ok)
        #expect(response.headers["Cache-Control"] == "no-store")
        let year = try Self.object(response)
        #expect(year["code"] as? String == "07201")
        #expect(year["district"] as? String == "213")
        #expect(year["answers"] as? Int == 6)
        #expect(year["satisfaction_index"] is NSNull)
        #expect(year["unranked_reason"] as? String == "too_few_answers")
        #expect(year["minimum_answers"] as? Int == 30)
        #expect(year["rank_in_province"] is NSNull)
        for key in ["dossier_state", "self_score", "district_score", "recognised"] {
            #expect(year[key] is NSNull, "\(key)")
        }
        #expect(response.text.contains(#""reports":{"days":31,"late":0,"missing":28,"not_due":1,"on_time":2}"#))
        #expect(response.text.contains(#""suggestions":{"answered":0,"received":0,"resolved":0}"#))
        #expect(
            response.text.contains(
                #""quarters":[{"answers":0,"quarter":1,"satisfied_share":null},{"answers":6,"quarter":2,"satisfied_share":0.8333},{"answers":0,"quarter":3,"satisfied_share":null},{"answers":0,"quarter":4,"satisfied_share":null}]"#
            ))
        let forms = try #require(year["forms"] as? [[String: Any]])
        let pks02 = try #require(forms.first { $0["code"] as? String == "PKS02" })
        #expect(pks02["answers"] as? Int == 6)
        #expect(pks02["satisfied_share"] as? Double == 0.8333)
        #expect(pks02["counted"] as? Bool == false)
        let campaigns = try #require(pks02["campaigns"] as? [[String: Any]])
        #expect(campaigns.compactMap { $0["id"] as? Int64 } == [world.app.demoCampaignID, world.campaignID])
        let test = try #require(campaigns.last)
        #expect(test["answers"] as? Int == 6)
        #expect(test["quota_status"] as? String == "thieu")
        #expect(test["satisfied_share"] as? Double == 0.8333)
        #expect(
            (test["reports"] as? [String: Int]) == ["on_time": 2, "late": 0, "missing": 0, "not_due": 1, "days": 3])
        #expect(
            forms.filter { $0["code"] as? String != "PKS02" }.allSatisfy {
                ($0["campaigns"] as? [Any])?.isEmpty == true
            })
        // The page shows the same year.
        let browser = try await world.app.signIn("xa07201")
        let page = await world.app.get(SiteRoute.communeYear(year: 2024, unit: "07201").path, as: browser).document
        #expect(page.text.contains("6 phiếu trong năm"))
        #expect(page.text.contains("đúng giờ 2 · muộn 0 · không có 28 trên 31 ngày"))
        // Scope as the page: the district reads its commune, the other district and commune are refused.
        #expect(await world.get(path, as: "huyen213").text == response.text)
        for user in ["huyen215", "xa07243"] {
            let refused = await world.get(path, as: user)
            #expect(refused.status == .forbidden, "\(user)")
            #expect(try APIErrorBody(refused).error == "forbidden")
        }
        await world.close()
    }
}
