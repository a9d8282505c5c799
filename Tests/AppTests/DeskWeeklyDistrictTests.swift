import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The weekly suggestion summary counts a district's own desk (its suggestions are stored under the district
/// unit) beside the communes, for the district and for the province.
@Suite struct DeskWeeklyDistrictTests {
    @Test func aSuggestionToADistrictDeskIsInTheDistrictsAndTheProvincesWeek() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let monday = VietnamTime.instant(LocalDate(iso: "2024-06-10")!, hour: 9, minute: 0)
        _ = try await app.addSuggestion("213", "Bộ phận một cửa thành phố đông quá", at: monday)
        _ = try await app.addSuggestion("07201", "Đường làng bị ngập", at: monday)
        _ = try await app.addSuggestion("215", "Xin thêm ghế chờ ở huyện", at: monday)
        let week = SiteRoute.weeklySuggestions.path + "?week=2024-06-12"

        let district = await app.get(week, as: try await app.signIn("huyen213"))
        let table = try #require(district.document.table(withHeader: "Nhận trong tuần"))
        let codes = try #require(table.column("Mã"))
        #expect(codes.first == "213", "the district's desk first, then its communes")
        #expect(table.row(where: "Mã", is: "213")?.texts == ["213", "Thành phố Bắc Giang", "1", "0", "0", "1", "0"])
        #expect(!codes.contains("215"), "another district's desk is not this district's")
        #expect(table.footer.map(\.texts) == [["", "Cộng", "2", "0", "0", "2", "0"]])

        let provinceBrowser = try await app.signIn("tinh24")
        let province = try #require(
            await app.get(week, as: provinceBrowser).document.table(withHeader: "Nhận trong tuần"))
        let all = try #require(province.column("Mã"))
        #expect(province.row(where: "Mã", is: "213")?["Nhận trong tuần"] == "1")
        #expect(province.row(where: "Mã", is: "215")?["Nhận trong tuần"] == "1")
        // Grouped by district: each desk right before its own communes.
        let desk213 = try #require(all.firstIndex(of: "213"))
        let desk215 = try #require(all.firstIndex(of: "215"))
        #expect(all[desk213 + 1] == "07201")
        #expect(desk213 < desk215)
        #expect(all[desk215 + 1].hasPrefix("072"))
        #expect(province.footer.first?.texts == ["", "Cộng", "3", "0", "0", "3", "0"])

        let oneDistrict = await app.get(week + "&district=215", as: provinceBrowser)
        let yenThe = try #require(oneDistrict.document.table(withHeader: "Nhận trong tuần")?.column("Mã"))
        #expect(yenThe.first == "215")
        #expect(!yenThe.contains("213"))
        await app.close()
    }
}
