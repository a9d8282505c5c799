import HTTP
import Testing
import Web

private let formType = ("Content-Type", "application/x-www-form-urlencoded")

@Test func queryValuesAreDecoded() throws {
    let request = Request(makeRequest("/search?q=Ph%C3%BAc+X%C3%A1&page=2&tag=a&tag=b&empty=&flag"), id: "t")
    #expect(try request.query("q") == "Phúc Xá")
    #expect(try request.query("page") == "2")
    #expect(try request.query("missing") == nil)
    #expect(try request.query("empty") == "")
    #expect(try request.query("flag") == "")
    #expect(try request.queryItems().values(for: "tag") == ["a", "b"])
    #expect(try Request(makeRequest("/"), id: "t").queryItems().fields.isEmpty)
}

@Test func malformedQueryIsABadRequest() {
    let request = Request(makeRequest("/search?q=%E1%BA"), id: "t")
    #expect(throws: HTTPError.self) { try request.query("q") }
    do {
        _ = try Request(makeRequest("/x?a=%G0"), id: "t").query("a")
        Issue.record("expected a 400")
    } catch {
        #expect(error.status == .badRequest)
    }
}

@Test func formBodyIsDecodedOnceAndKept() throws {
    let body = "name=Nguy%E1%BB%85n+V%C4%83n+A&answer=1&answer=3&note=a%26b%3Dc"
    let request = Request(makeRequest(.post, "/submit", headers: [formType], body: body), id: "t")
    #expect(try request.formValue("name") == "Nguyễn Văn A")
    #expect(try request.form().values(for: "answer") == ["1", "3"])
    #expect(try request.formValue("note") == "a&b=c")
    let copy = request
    #expect(try copy.formValue("answer") == "1")
}

@Test func formContentTypeMayCarryParameters() throws {
    let request = Request(
        makeRequest(
            .post, "/f", headers: [("content-type", "Application/X-WWW-Form-Urlencoded; charset=UTF-8")],
            body: "a=1"), id: "t")
    #expect(try request.formValue("a") == "1")
}

@Test func otherBodyTypesAreRefused() {
    let request = Request(makeRequest(.post, "/f", headers: [("Content-Type", "text/plain")], body: "a=1"), id: "t")
    do {
        _ = try request.formValue("a")
        Issue.record("expected a 415")
    } catch {
        #expect(error.status == .unsupportedMediaType)
    }
}

@Test func multipartFormsGiveTheirTextFieldsButNotTheirFiles() throws {
    let body = [
        "--x", "Content-Disposition: form-data; name=\"csrf\"", "", "tok", "--x",
        "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"", "", "%PDF-1.4", "--x",
        "Content-Disposition: form-data; name=\"kind\"", "", "Tờ trình", "--x--", "",
    ].joined(separator: "\r\n")
    let request = Request(
        makeRequest(.post, "/f", headers: [("Content-Type", "multipart/form-data; boundary=x")], body: body), id: "t")
    #expect(try request.form().fields.map(\.name) == ["csrf", "kind"])
    #expect(try request.formValue("csrf") == "tok")
    #expect(try request.formValue("kind") == "Tờ trình")

    let truncated = Request(
        makeRequest(.post, "/f", headers: [("Content-Type", "multipart/form-data; boundary=x")], body: "--x"), id: "t")
    do {
        _ = try truncated.formValue("csrf")
        Issue.record("expected a 400")
    } catch {
        #expect(error.status == .badRequest)
    }
}

@Test func malformedFormIsABadRequestThroughTheRouter() async {
    var router = Router()
    router.post("/f") { request in .text(try request.formValue("a") ?? "none") }
    let bad = await router.respond(to: makeRequest(.post, "/f", headers: [formType], body: "a=%FF"))
    #expect(bad.status == .badRequest)
    #expect(bad.bodyText.contains("Dữ liệu gửi lên không hợp lệ."))
    let good = await router.respond(to: makeRequest(.post, "/f", headers: [formType], body: "a=%C4%91"))
    #expect(good.bodyText == "đ")
}

@Test func responseBuilders() throws {
    struct Summary: Encodable {
        let commune: String
        let count: Int
    }
    let json = try Response.json(Summary(commune: "Phúc Xá", count: 3))
    #expect(json.headers["Content-Type"] == "application/json")
    #expect(json.bodyText == "{\"commune\":\"Phúc Xá\",\"count\":3}")
    let html = Response.html("<p>\("<b>")</p>", status: .created)
    #expect(html.status == .created)
    #expect(html.headers["Content-Type"] == "text/html; charset=utf-8")
    #expect(html.bodyText == "<p>&lt;b&gt;</p>")
    #expect(Response.text("xin chào").headers["Content-Type"] == "text/plain; charset=utf-8")
    let bytes = Response.bytes([0x89, 0x50], contentType: "image/png")
    #expect(bytes.body == [0x89, 0x50])
    let redirect = Response.redirect(to: "/s/1", status: .found)
    #expect(redirect.status == .found && redirect.headers["Location"] == "/s/1" && redirect.body.isEmpty)
}

@Test func storageIsTypedPerKey() {
    enum UserKey: RequestStorageKey { typealias Value = String }
    enum VisitsKey: RequestStorageKey { typealias Value = Int }
    var storage = RequestStorage()
    storage[UserKey.self] = "cán bộ"
    storage[VisitsKey.self] = 3
    #expect(storage[UserKey.self] == "cán bộ")
    #expect(storage[VisitsKey.self] == 3)
    storage[UserKey.self] = nil
    #expect(storage[UserKey.self] == nil)
}
