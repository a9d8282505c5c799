import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// A unit's free-text answers: newest first, filtered by day, confirmed stuffing left out, unreviewed flags marked;
/// the province and the unit's district read them, the commune does not.
@Suite struct UnitTextsRouteTests {
    /// Stores an answer of `code` with a text for PKS05's q14 ("Câu 11"), optionally under review.
    func answer(
        _ app: TestApp, campaign: Int64, _ code: String, on date: LocalDate, hour: Int, text: String,
        review: String? = nil
    ) async throws {
        let at = VietnamTime.instant(date, hour: hour, minute: 5, second: 0)
        try await app.pool.write { connection in
            let unit = try #require(
                try connection.scalar("SELECT id FROM units WHERE code = ?", [code], as: Int64.self))
            try connection.run(
                """
                INSERT INTO responses (campaign_id, unit_id, submission_id, submitted_at, local_date, channel,
                                       fill_seconds, choices)
                VALUES (?, ?, ?, ?, ?, 'phone', 90, '')
                """, [campaign, unit, "s\(at)\(code)", at, date.iso])
            let response = connection.lastInsertRowID
            try connection.run(
                "INSERT INTO response_texts (response_id, question_id, text) VALUES (?, 514, ?)", [response, text])
            if let review {
                try connection.run(
                    "INSERT INTO response_reviews (response_id, campaign_id, unit_id, state) VALUES (?, ?, ?, ?)",
                    [response, campaign, unit, review])
            }
        }
    }

    @Test func managersReadAUnitsTextsByDay() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let id = try await ExportPrintTests.campaign(app)
        let today = app.clock.today
        let yesterday = today.adding(days: -1)
        try await answer(app, campaign: id, "07201", on: today, hour: 9, text: "Cán bộ tận tình.")
        try await answer(app, campaign: id, "07201", on: yesterday, hour: 10, text: "Phải chờ lâu <b>quá</b>")
        try await answer(app, campaign: id, "07201", on: today, hour: 8, text: "Phiếu gian lận", review: "confirmed")
        try await answer(app, campaign: id, "07201", on: today, hour: 7, text: "Chưa xem xét", review: "open")
        try await answer(app, campaign: id, "07243", on: today, hour: 9, text: "Ý kiến Yên Thế")
        let path = SiteRoute.unitTexts(campaign: id, unit: "07201")

        let province = try await app.signIn("tinh24")
        let page = await app.get(path.path, as: province)
        #expect(page.status == .ok)
        let table = try #require(page.document.table(class: "texts"))
        #expect(
            table.column("Ý kiến") == ["Cán bộ tận tình.", "Chưa xem xét", "Phải chờ lâu <b>quá</b>"],
            "newest first, markup shown as text, confirmed stuffing left out")
        #expect(table.column("Câu hỏi")?.first == "Câu 11. Ý kiến, đề xuất khác")
        #expect(table.column("Thời điểm gửi")?[1] == "\(today.vietnamese) 07:05 gắn cờ")
        #expect(!page.text.contains("Yên Thế"))

        let oneDay = await app.get(path.href([("date", yesterday.iso)]), as: province)
        #expect(oneDay.document.table(class: "texts")?.column("Ý kiến") == ["Phải chờ lâu <b>quá</b>"])
        #expect(oneDay.document.link(text: "Xem tất cả các ngày")?.href == path.path)
        let quiet = await app.get(path.href([("date", today.adding(days: 1).iso)]), as: province)
        #expect(quiet.status == .ok)
        #expect(quiet.text.contains("Chưa có ý kiến ghi thêm nào."))
        #expect(await app.get(path.href([("date", "12/06/2024")]), as: province).status == .badRequest)

        #expect(await app.get(path.path, as: try await app.signIn("huyen213")).status == .ok)
        #expect(await app.get(path.path, as: try await app.signIn("huyen215")).status == .forbidden)
        #expect(await app.get(path.path, as: try await app.signIn("xa07201")).status == .forbidden)

        // Linked from the unit's page for managers only.
        let unitPage = SiteRoute.campaignUnit(campaign: id, unit: "07201").path
        #expect(await app.get(unitPage, as: province).document.link(text: "Ý kiến ghi thêm")?.href == path.path)
        #expect(
            await app.get(unitPage, as: try await app.signIn("xa07201")).document.link(text: "Ý kiến ghi thêm") == nil)
        await app.close()
    }
}
