import HTTP
import Testing

@testable import App
@testable import Store

@Suite struct SuggestionTests {
    /// Opens the box as a browser does and sends its form a few seconds later: the rendering's token with `fields`.
    static func send(
        _ app: TestApp, unit: String = "07210", _ fields: [(String, String)], headers: [(String, String)] = []
    ) async throws -> HTTPResponse {
        let box = await app.get(SiteRoute.suggestionBox(unit: unit).path)
        let form = try #require(box.document.form(action: SiteRoute.suggestionBox(unit: unit).path))
        let hidden = [("token", try #require(form.field("token")?.value))]
        // A person takes a few seconds; a form sent within them is a script's (SuggestionFormToken.isTooFast).
        app.clock.advance(by: Double(SuggestionFormToken.minimumFillSeconds))
        return await app.post(SiteRoute.suggestionBox(unit: unit).path, form: hidden + fields, headers: headers)
    }

    @Test func suggestionIsSavedInTheQuarterAndCanBeLookedUp() async throws {
        let app = try await TestApp()
        let form = await app.get("/g/07210")
        #expect(form.status == .ok)
        #expect(form.text.contains("Hòm thư góp ý"))
        #expect(form.headers["Cache-Control"] == "no-store", "each rendering has its own id")
        let text = "Đề nghị bố trí thêm ghế ngồi chờ.\u{0065}\u{0301}"  // "é" decomposed: stored NFC
        let saved = try await Self.send(
            app, [("topic", "Cơ sở vật chất"), ("text", text), ("name", ""), ("phone", "")])
        #expect(saved.status == .seeOther, "a receipt that can be reloaded, not the POST's own answer")
        let code = try #require(
            try await app.pool.read { try $0.scalar("SELECT lookup_code FROM suggestions", as: String.self) })
        #expect(saved.location == SiteRoute.suggestionReceipt(unit: "07210", lookup: code).href([("da-gui", "1")]))
        let stored = try await app.pool.read { try SuggestionStore($0).find(lookupCode: code) }
        #expect(stored?.round == 2, "June is in round 2")
        #expect(stored?.year == 2024)
        #expect(stored?.text == "Đề nghị bố trí thêm ghế ngồi chờ.\u{00E9}")
        #expect(stored?.status == .new)

        let receipt = await app.get(try #require(saved.location))
        #expect(receipt.status == .ok)
        #expect(receipt.document.headings(1) == ["Đã nhận góp ý của Anh/Chị"])
        #expect(receipt.document.headings(2).first == "Góp ý mã \(code)")
        #expect(receipt.document.texts(of: "p", class: "code") == [code])
        let lookupPath = SiteRoute.suggestionReceipt(unit: "07210", lookup: code).path
        let addressLink = try #require(receipt.document.elements(tag: "a", class: "url").first)
        #expect(addressLink["href"] == lookupPath)
        #expect(addressLink.text == TestApp.publicURL + lookupPath)

        let lookup = await app.get(lookupPath)
        #expect(lookup.status == .ok)
        #expect(lookup.text.contains("Cơ sở vật chất"))
        #expect(lookup.text.contains("chờ trả lời"))
        #expect(!lookup.text.contains("Đã nhận góp ý"), "the plain lookup is not a receipt")
        #expect(await app.get("/g/07228/\(code)").status == .notFound, "a code reads only its own unit's box")
        await app.close()
    }

    /// The case: reloading the receipt, or the browser sending the same form again, stores nothing new.
    @Test func reloadingTheReceiptOrResendingTheFormStoresNothingNew() async throws {
        let app = try await TestApp()
        let box = await app.get("/g/07210")
        let form = try #require(box.document.form(action: "/g/07210"))
        let fields = [
            ("token", try #require(form.field("token")?.value)),
            ("text", "Xin niêm yết lệ phí rõ hơn."),
        ]
        app.clock.advance(by: 5)
        let first = await app.post("/g/07210", form: fields)
        #expect(first.status == .seeOther)
        let receipt = try #require(first.location)
        for _ in 0..<3 {
            #expect(await app.get(receipt).status == .ok)
        }
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 1)

        app.clock.advance(by: 30)
        let resent = await app.post("/g/07210", form: fields)
        #expect(resent.status == .seeOther)
        #expect(resent.location == receipt, "the same receipt, not a second suggestion")
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 1)

        // A new rendering is a new suggestion.
        let second = try await Self.send(app, [("text", "Xin niêm yết lệ phí rõ hơn.")])
        #expect(second.status == .seeOther)
        #expect(second.location != receipt)
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 2)
        let other = await app.get("/g/07210")
        #expect(
            other.document.form(action: "/g/07210")?.field("token")?.value != form.field("token")?.value,
            "each rendering has its own token and id")
        await app.close()
    }

    @Test func invalidSuggestionsComeBackWithMessages() async throws {
        let app = try await TestApp()
        let empty = try await Self.send(app, [("text", "   ")])
        #expect(empty.status == .unprocessableContent)
        #expect(empty.text.contains("Vui lòng nhập nội dung góp ý."))
        let noConsent = try await Self.send(app, [("text", "Góp ý"), ("phone", "0912345678")])
        #expect(noConsent.status == .unprocessableContent)
        #expect(noConsent.text.contains("đánh dấu đồng ý"))
        #expect(noConsent.text.contains("value=\"0912345678\""), "what was typed is kept")
        let tooLong = try await Self.send(app, [("text", String(repeating: "ư", count: 2001))])
        #expect(tooLong.status == .unprocessableContent)
        let script = try await Self.send(
            app,
            [
                ("text", "<script>alert(1)</script>"), ("name", "Nguyễn Văn A"),
                ("phone", "0912 345 678"), ("consent", "1"),
            ])
        #expect(script.status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 1)
        #expect(try await app.scalar("SELECT consent FROM suggestions") == 1)
        let foreign = try await Self.send(app, [("text", "x")], headers: [("Origin", "https://evil.example")])
        #expect(foreign.status == .forbidden)
        await app.close()
    }

    /// A refused form keeps its token and id, so the corrected form is still one suggestion however often it is
    /// sent; a form without them, or one rendered for another unit, is refused; a day-old one is shown again.
    @Test func theFormsIdAtItsEdges() async throws {
        let app = try await TestApp()
        let refused = try await Self.send(app, [("text", "")])
        #expect(refused.status == .unprocessableContent)
        let again = try #require(refused.document.form(action: "/g/07210"))
        let token = try #require(again.field("token")?.value)
        let corrected = [("token", token), ("text", "Đã sửa")]
        #expect(await app.post("/g/07210", form: corrected).status == .seeOther)
        #expect(await app.post("/g/07210", form: corrected).status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 1)

        #expect(await app.post("/g/07210", form: [("text", "Không có mã")]).status == .badRequest)
        #expect(
            await app.post("/g/07210", form: [("token", token + "x"), ("text", "x")]).status == .badRequest,
            "a token that is not the server's")
        let elsewhere = await app.post("/g/07228", form: [("token", token), ("text", "x")])
        #expect(elsewhere.status == .badRequest, "a form rendered for another unit")
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 1)

        // A day is the limit: at 24 h it is still accepted, a second later it comes back with the text kept.
        let box = await app.get("/g/07210")
        let old = try #require(box.document.form(action: "/g/07210"))
        let oldFields = [("token", try #require(old.field("token")?.value))]
        app.clock.advance(by: Double(SuggestionFormToken.maximumAgeSeconds + 1))
        let stale = await app.post("/g/07210", form: oldFields + [("text", "Để lâu quá")])
        #expect(stale.status == .unprocessableContent)
        #expect(stale.text.contains("quá một ngày"))
        let fresh = try #require(stale.document.form(action: "/g/07210"))
        #expect(fresh.field("text")?.value == "Để lâu quá")
        #expect(fresh.field("token")?.value != oldFields[0].1, "a fresh token and id for the fresh form")
        app.clock.advance(by: 10)  // the person reads the text again before sending it
        #expect(
            await app.post(
                "/g/07210",
                form: [
                    ("token", try #require(fresh.field("token")?.value)), ("text", "Để lâu quá"),
                ]
            ).status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 2)
        await app.close()
    }

    @Test func aSubmissionIDBelongsToOneUnit() async throws {
        let app = try await TestApp()
        let today = app.clock.today
        try await app.pool.write { connection in
            let units = UnitStore(connection)
            let first = try #require(try units.resolve(code: "07210", on: today))
            let second = try #require(try units.resolve(code: "07228", on: today))
            let store = SuggestionStore(connection)
            func suggestion(_ unit: UnitRecord) -> NewSuggestion {
                NewSuggestion(
                    unitID: unit.id, topic: nil, text: "Góp ý", senderName: nil, senderPhone: nil, consent: false,
                    submissionID: "AAAAAAAAAAAAAAAAAAAAAA")
            }
            let saved = try store.add(suggestion(first), now: 0)
            #expect(try store.add(suggestion(first), now: 10) == saved)
            #expect(throws: SuggestionStoreError.self) { try store.add(suggestion(second), now: 10) }
            // Without an id (the command line, older rows) nothing is deduplicated.
            var plain = suggestion(first)
            plain.submissionID = nil
            _ = try store.add(plain, now: 0)
            _ = try store.add(plain, now: 0)
        }
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 3)
        await app.close()
    }

    @Test func theBoxHasALookupFieldAndAWrongCodeIsAKind404() async throws {
        let app = try await TestApp()
        let box = await app.get("/g/07210")
        let lookupPath = SiteRoute.suggestionLookup(unit: "07210").path
        let lookup = try #require(box.document.form(action: lookupPath), "a lookup form on the box page")
        #expect(lookup.method == "get", "works without JavaScript and can be bookmarked")
        #expect(lookup.field("ma") != nil)

        let sent = try await Self.send(app, [("text", "Xin thêm quạt.")])
        let code = try #require(
            try await app.pool.read { try $0.scalar("SELECT lookup_code FROM suggestions", as: String.self) })
        let receipt = SiteRoute.suggestionReceipt(unit: "07210", lookup: code).path
        #expect(sent.status == .seeOther)
        let found = await app.get(lookupPath + "?ma=" + code)
        #expect(found.status == .seeOther)
        #expect(found.location == receipt)
        let typed = String(code.prefix(4)).lowercased() + " " + String(code.dropFirst(4)).lowercased()
        #expect(
            await app.get(SiteRoute.suggestionLookup(unit: "07210").href([("ma", typed)])).location == receipt,
            "lower case and a space as people type it")

        let wrong = await app.get(lookupPath + "?ma=ABCD2345")
        #expect(wrong.status == .notFound)
        #expect(wrong.document.headings(1) == ["Không tìm thấy mã tra cứu"])
        #expect(wrong.text.contains("Chưa tìm thấy góp ý có mã “ABCD2345”"))
        #expect(wrong.document.form(action: lookupPath)?.field("ma")?.value == "ABCD2345", "to correct it")
        #expect(await app.get("/g/07228/tra-cuu?ma=" + code).status == .notFound, "another unit's box")
        #expect(await app.get("/g/07210/ABCD2345").status == .notFound)
        let blank = await app.get(lookupPath + "?ma=")
        #expect(blank.status == .seeOther)
        #expect(blank.location == "/g/07210")
        #expect(await app.get("/g/99999/tra-cuu?ma=" + code).status == .notFound)
        await app.close()
    }
}
