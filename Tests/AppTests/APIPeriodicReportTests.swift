import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Issue 16: periodic reports through the API (`/api/v1/periodic-reports`), over APIWorld (today Wednesday
/// 12/06/2024, before the six-month report's due day 15/06): each period's due day, filings with their figures, and
/// who has not filed, as the page shows them, in the page's scope.
@Suite struct APIPeriodicReportTests {
    static func period(_ object: [String: Any], _ code: String) throws -> [String: Any] {
        try #require((object["periods"] as? [[String: Any]])?.first { $0["period"] as? String == code })
    }

    @Test func theDistrictsYearIsItsPageAsJSON() async throws {
        let world = try await APIWorld()
        let reportID = try await world.app.addPeriodicReport(code: "07201", as: "xa07201")
        let response = await world.get(SiteRoute.apiPeriodicReports.path, as: "huyen213")
        #expect(response.status == .ok)
        #expect(response.headers["Cache-Control"] == "no-store")
        let year = try APIFiguresTests.object(response)
        #expect(year["year"] as? Int == 2024)
        #expect((year["unit"] as? [String: Any])?["code"] as? String == "213")
        let fields = try #require(year["fields"] as? [[String: Any]]).compactMap { $0["code"] as? String }
        #expect(Set(fields) == Set(PeriodicReportTests.figures.map(\.0)))
        let sixMonth = try Self.period(year, "sau_thang")
        #expect(sixMonth["due"] as? String == "2024-06-15")
        #expect(sixMonth["overdue"] as? Bool == false)
        #expect((sixMonth["own"] as? [String: Any])?["status"] as? String == "chua_nop")
        #expect((sixMonth["own"] as? [String: Any])?["filing"] is NSNull)
        let units = try #require(sixMonth["units"] as? [[String: Any]])
        let filed = try #require(units.first { $0["code"] as? String == "07201" })
        #expect(filed["status"] as? String == "da_nop")
        let filing = try #require(filed["filing"] as? [String: Any])
        #expect(filing["id"] as? Int64 == reportID)
        #expect(filing["late"] as? Bool == false)
        #expect(
            filing["figures"] as? [String: Int] == [
                "phieu_thu_duoc": 1250, "buoi_tuyen_truyen": 12, "kien_nghi_tiep_nhan": 9, "kien_nghi_giai_quyet": 7,
            ])
        let document = try #require(filing["document"] as? [String: Any])
        #expect(document["url"] as? String == SiteRoute.periodicReportDocument(report: reportID).path)
        #expect(document["media_type"] as? String == "application/pdf")
        let notFiled = try #require(sixMonth["not_filed"] as? [String])
        #expect(notFiled.count == units.count - 1 && !notFiled.contains("07201"))
        let annual = try Self.period(year, "ca_nam")
        #expect((annual["not_filed"] as? [String])?.count == units.count)

        // The page lists the same.
        let browser = try await world.app.signIn("huyen213")
        let page = await world.app.get(SiteRoute.periodicReports.path, as: browser)
        #expect(page.document.text.contains("Báo cáo 6 tháng: \(notFiled.count) xã chưa nộp"))
        #expect(page.document.text.contains("Báo cáo năm: \(units.count) xã chưa nộp"))
        #expect(page.text.contains(SiteRoute.periodicReportDocument(report: reportID).path))
        await world.close()
    }

    @Test func scopeYearsAndRefusals() async throws {
        let world = try await APIWorld()
        try await world.app.addPeriodicReport(code: "07201", as: "xa07201")
        let district = await world.get(SiteRoute.apiPeriodicReports.path, as: "huyen213")
        // The province: its districts below it and nothing of its own; or a district's page, the district's own.
        let province = try APIFiguresTests.object(await world.get(SiteRoute.apiPeriodicReports.path, as: "tinh24"))
        let provinceSix = try Self.period(province, "sau_thang")
        #expect(provinceSix["own"] is NSNull)
        let below = try #require(provinceSix["units"] as? [[String: Any]]).compactMap { $0["code"] as? String }
        #expect(below.contains("213") && below.contains("215"))
        let chosen = await world.get(SiteRoute.apiPeriodicReports.href([("district", "213")]), as: "tinh24")
        #expect(chosen.text == district.text)
        // The commune: its own filing, nobody below.
        let commune = try APIFiguresTests.object(await world.get(SiteRoute.apiPeriodicReports.path, as: "xa07201"))
        let own = try Self.period(commune, "sau_thang")
        #expect((own["own"] as? [String: Any])?["status"] as? String == "da_nop")
        #expect((own["units"] as? [Any])?.isEmpty == true)
        // Last year: every due day has passed.
        let last = try APIFiguresTests.object(
            await world.get(SiteRoute.apiPeriodicReports.href([("year", "2023")]), as: "huyen213"))
        let lastSix = try Self.period(last, "sau_thang")
        #expect(lastSix["overdue"] as? Bool == true)
        #expect(
            try #require(lastSix["units"] as? [[String: Any]]).allSatisfy { $0["status"] as? String == "qua_han" })
        for (target, user, status, code) in [
            (SiteRoute.apiPeriodicReports.href([("year", "hai")]), "huyen213", HTTPStatus.badRequest, "bad_request"),
            (SiteRoute.apiPeriodicReports.href([("year", "1999")]), "huyen213", .badRequest, "bad_request"),
            (SiteRoute.apiPeriodicReports.path + "?year=", "huyen213", .badRequest, "bad_request"),
            (SiteRoute.apiPeriodicReports.href([("district", "215")]), "huyen213", .forbidden, "forbidden"),
            (SiteRoute.apiPeriodicReports.href([("district", "213")]), "xa07201", .forbidden, "forbidden"),
            (SiteRoute.apiPeriodicReports.href([("district", "07201")]), "tinh24", .notFound, "unit_not_found"),
        ] {
            let refused = await world.get(target, as: user)
            #expect(refused.status == status, "\(target) \(user)")
            #expect(try APIErrorBody(refused).error == code, "\(target) \(user)")
        }
        await world.close()
    }
}
