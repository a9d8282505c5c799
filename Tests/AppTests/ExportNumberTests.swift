import Survey
import Testing

@testable import App
@testable import Store

/// One number format: screens write "12.345" and "83,3%", the semicolon CSV a decimal comma, the comma CSV a
/// decimal point — and its button says so; whole numbers in both CSVs are plain digits.
@Suite struct ExportNumberTests {
    let unit = APICommuneListTests.unit(
        code: "07201", name: "Phường Thọ Xương", district: nil, answers: 12_345, visitors: 10_000, reported: true,
        share: 5.0 / 6, onTime: 1_234, late: 1_001)

    @Test func screenCellsGroupThousandsAndUseADecimalComma() {
        let row = UnitFigure.tableRow(unit, columns: UnitFigure.columns(for: .print, withDistricts: false))
        #expect(
            row.rendered == """
                <tr class="s-dat"><td>07201</td><td>Phường Thọ Xương</td>\
                <td>12.345 <span class="note">(hôm nay 4.115)</span></td><td>10.000</td>\
                <td><strong>đạt</strong> <span class="note">12.345 phiếu / cần 20–15.000</span></td><td>83,3%</td>\
                <td>1.234 (+1.001 muộn)</td></tr>
                """)
        #expect(UnitFigure.screen(.integer(3_321)) == "3.321")
        #expect(UnitFigure.screen(.decimal(4.25, digits: 2)) == "4,25")
        #expect(UnitFigure.screen(.percentage(0.875)) == "87,5%")
        #expect(UnitFigure.screen(.date(LocalDate(iso: "2026-12-02")!)) == "02/12/2026")
    }

    @Test func csvIntegersArePlainAndDecimalsFollowTheDialect() {
        let table = SummaryTables.communes([unit])
        let semicolon = String(decoding: table.csv(.semicolon).dropFirst(3), as: UTF8.self)
            .components(separatedBy: "\r\n")[1]
        let comma = String(decoding: table.csv(.comma).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")[1]
        #expect(semicolon.hasPrefix("07201;Phường Thọ Xương;12345;4115;12345;0;10000;đạt;83,3%;0;0;1234;1001;"))
        #expect(comma.hasPrefix("07201,Phường Thọ Xương,12345,4115,12345,0,10000,đạt,83.3%,0,0,1234,1001,"))
    }

    /// A secretary picks a CSV by its button: each says which decimal mark it uses, and links to its dialect.
    @Test func dashboardButtonsSayWhichDecimalMark() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let id = app.demoCampaignID
        for user in ["tinh24", "huyen213", "xa07201"] {
            let page = await app.get(SiteRoute.dashboard(campaign: id).path, as: try await app.signIn(user))
            let buttons = page.document.elements(tag: "a", class: "button")
            let semicolon = try #require(buttons.first { $0.text == "CSV (;) – thập phân dấu phẩy" }, "\(user)")
            #expect(semicolon["href"] == SiteRoute.exportCSV(campaign: id).href([("sep", "semicolon")]))
            #expect(semicolon["title"]?.contains("dấu phẩy (85,3%)") == true)
            let comma = try #require(buttons.first { $0.text == "CSV (,) – thập phân dấu chấm" }, "\(user)")
            #expect(comma["href"] == SiteRoute.exportCSV(campaign: id).path)
            #expect(comma["title"]?.contains("dấu chấm (85.3%)") == true)
            #expect(
                buttons.contains { $0.text == "Xuất Excel" && $0["href"] == SiteRoute.exportXLSX(campaign: id).path })
            #expect(buttons.contains { $0.text == "Bản in" && $0["href"] == SiteRoute.printReport(campaign: id).path })
        }
        await app.close()
    }
}
