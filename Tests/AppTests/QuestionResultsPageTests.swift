import HTTP
import Testing

@testable import App
@testable import Store

/// "Kết quả theo từng câu hỏi" on the print page and the province's and a district's dashboards, over each one's
/// own units (`ExportPrintTests.campaign`: q4 of PKS05, 07201 9 "Nhanh chóng" and 1 "Chờ đợi rất lâu", 07204 1 and
/// 1, 07243 3 and 2).
@Suite struct QuestionResultsPageTests {
    static let labels = ["Nhanh chóng", "Bình thường, theo thứ tự", "Chờ đợi rất lâu"]

    func expectWaiting(_ page: HTTPResponse, counts: [String], shares: [String], answered: String) throws {
        let table = try #require(page.document.table(id: "cau-4"))
        #expect(table.headers == ["Phương án", "Số phiếu", "Tỷ lệ"])
        #expect(table.column("Phương án") == Self.labels)
        #expect(table.column("Số phiếu") == counts)
        #expect(table.column("Tỷ lệ") == shares)
        #expect(table.footer.first?["Phương án"] == "Số người trả lời")
        #expect(table.footer.first?["Số phiếu"] == answered)
        #expect(
            table.element.elements(tag: "caption").first?.text
                == "Câu 4. Thời gian chờ đợi đến lượt được tiếp nhận hồ sơ")
        // The follow-up comes right after its parent, with no answers here.
        let followUp = try #require(page.document.table(id: "cau-4a"))
        #expect(followUp.element.elements(tag: "caption").first?.text.hasPrefix("Câu 4a (hỏi thêm sau câu 4).") == true)
        #expect(followUp.column("Tỷ lệ")?.allSatisfy { $0 == "–" } == true)
        let ids = page.document.elements(tag: "table", class: "question-result").compactMap(\.id)
        #expect(
            ids == [
                "cau-1", "cau-2", "cau-3", "cau-4", "cau-4a", "cau-5", "cau-6", "cau-7", "cau-8", "cau-8a",
                "cau-9", "cau-9a", "cau-10",
            ])
    }

    @Test func provinceAndDistrictSeeTheirOwnUnitsPerQuestion() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let id = try await ExportPrintTests.campaign(app)
        let province = try await app.signIn("tinh24")
        let district = try await app.signIn("huyen213")
        for path in [SiteRoute.printReport(campaign: id).path, SiteRoute.dashboard(campaign: id).path] {
            let page = await app.get(path, as: province)
            #expect(page.status == .ok)
            #expect(page.document.headings(2).contains("Kết quả theo từng câu hỏi"))
            try expectWaiting(page, counts: ["13", "0", "4"], shares: ["76,5%", "0,0%", "23,5%"], answered: "17")
            #expect(page.document.text.contains("Tính trên 22 phiếu, trong đó 0 phiếu bị gắn cờ chưa xác nhận"))

            let own = await app.get(path, as: district)
            try expectWaiting(own, counts: ["10", "0", "2"], shares: ["83,3%", "0,0%", "16,7%"], answered: "12")
            #expect(own.document.text.contains("Tính trên 16 phiếu"), "its desk and communes only")
        }
        // A commune's dashboard and print page show its own figures (a ward reads the results of what it runs).
        let commune = try await app.signIn("xa07201")
        let dashboard = await app.get(SiteRoute.dashboard(campaign: id).path, as: commune)
        try expectWaiting(dashboard, counts: ["9", "0", "1"], shares: ["90,0%", "0,0%", "10,0%"], answered: "10")
        let printed = await app.get(SiteRoute.printReport(campaign: id).path, as: commune)
        try expectWaiting(printed, counts: ["9", "0", "1"], shares: ["90,0%", "0,0%", "10,0%"], answered: "10")
        await app.close()
    }
}
