import Testing

@testable import App
@testable import Store

@Suite struct SuggestionTests {
    @Test func suggestionIsSavedInTheQuarterAndCanBeLookedUp() async throws {
        let app = try await TestApp()
        let form = await app.get("/g/07210")
        #expect(form.status == .ok)
        #expect(form.text.contains("Hòm thư góp ý"))
        let text = "Đề nghị bố trí thêm ghế ngồi chờ.\u{0065}\u{0301}"  // "é" decomposed: stored NFC
        let saved = await app.post(
            "/g/07210", form: [("topic", "Cơ sở vật chất"), ("text", text), ("name", ""), ("phone", "")])
        #expect(saved.status == .ok)
        let code = try #require(
            saved.text.range(of: "<p class=\"code\">").map { range in
                String(saved.text[range.upperBound...].prefix(SuggestionStore.lookupCodeLength))
            })
        let stored = try await app.pool.read { try SuggestionStore($0).find(lookupCode: code) }
        #expect(stored?.round == 2, "June is in round 2")
        #expect(stored?.year == 2024)
        #expect(stored?.text == "Đề nghị bố trí thêm ghế ngồi chờ.\u{00E9}")
        #expect(stored?.status == .new)
        let lookup = await app.get("/g/07210/\(code)")
        #expect(lookup.status == .ok)
        #expect(lookup.text.contains("Cơ sở vật chất"))
        #expect(lookup.text.contains("chờ trả lời"))
        #expect(await app.get("/g/07228/\(code)").status == .notFound, "a code reads only its own unit's box")
        await app.close()
    }

    @Test func invalidSuggestionsComeBackWithMessages() async throws {
        let app = try await TestApp()
        let empty = await app.post("/g/07210", form: [("text", "   ")])
        #expect(empty.status == .unprocessableContent)
        #expect(empty.text.contains("Vui lòng nhập nội dung góp ý."))
        let noConsent = await app.post("/g/07210", form: [("text", "Góp ý"), ("phone", "0912345678")])
        #expect(noConsent.status == .unprocessableContent)
        #expect(noConsent.text.contains("đánh dấu đồng ý"))
        #expect(noConsent.text.contains("value=\"0912345678\""), "what was typed is kept")
        let tooLong = await app.post("/g/07210", form: [("text", String(repeating: "ư", count: 2001))])
        #expect(tooLong.status == .unprocessableContent)
        let script = await app.post(
            "/g/07210",
            form: [
                ("text", "<script>alert(1)</script>"), ("name", "Nguyễn Văn A"),
                ("phone", "0912 345 678"), ("consent", "1"),
            ])
        #expect(script.status == .ok)
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 1)
        #expect(try await app.scalar("SELECT consent FROM suggestions") == 1)
        let foreign = await app.post("/g/07210", form: [("text", "x")], headers: [("Origin", "https://evil.example")])
        #expect(foreign.status == .forbidden)
        await app.close()
    }
}
