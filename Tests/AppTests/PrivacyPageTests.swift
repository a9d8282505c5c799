import Testing

@testable import App
@testable import Store

/// The privacy page states the retention settings in force, and every citizen page links to it.
@Suite struct PrivacyPageTests {
    @Test func everyCitizenPageLinksToThePrivacyPage() async throws {
        let app = try await TestApp()
        let pages = [
            "/gioi-thieu", "/q/07210", "/s/\(app.demoCampaignID)/07210", "/s/\(app.demoCampaignID)/07210/thanks",
            "/g/213", "/rieng-tu", "/qr/07210/poster",
        ]
        for page in pages {
            let response = await app.get(page)
            #expect(response.status == .ok, "\(page)")
            #expect(response.text.contains("href=\"/rieng-tu\""), "\(page) has no link to the privacy page")
        }
        // An error page is a citizen page too.
        #expect(await app.get("/q/99999").text.contains("href=\"/rieng-tu\""))
        await app.close()
    }

    @Test func thePageStatesTheCurrentRetentionSettings() async throws {
        let app = try await TestApp(seed: false)
        let standard = await app.get("/rieng-tu")
        #expect(standard.text.contains("được xóa 30 ngày sau ngày cuối của đợt khảo sát"))
        #expect(standard.text.contains("được xóa 6 tháng sau khi cơ quan trả lời"))
        try await app.pool.write {
            try RetentionSettings(contactMonths: 9, networkDaysAfterClose: 45).save($0, now: 0)
        }
        let changed = await app.get("/rieng-tu")
        #expect(changed.text.contains("được xóa 45 ngày sau"))
        #expect(changed.text.contains("được xóa 9 tháng sau"))
        #expect(changed.text.contains("không lưu họ tên"))
        await app.close()
    }
}
