import HTTP
import Testing
import Web

private func echoRouter() -> Router {
    var router = Router()
    router.get("/") { _ in .text("home") }
    router.get("/s/new") { _ in .text("new survey") }
    router.get("/s/:id") { request in .text("survey \(try request.parameters.require("id"))") }
    router.get("/s/:id/edit") { request in .text("edit \(try request.parameters.require("id"))") }
    router.post("/s/:id") { request in .text("saved \(try request.parameters.require("id"))") }
    router.get("/s/:campaign/:commune") { request in
        .text("\(try request.parameters.require("campaign"))|\(try request.parameters.require("commune"))")
    }
    router.get("/n/:number") { request in .text("n=\(try request.parameters.require("number", as: Int.self) + 1)") }
    router.get("/static/*path") { request in
        .text("file \(request.parameters["path"] ?? "-") \(request.parameters.catchAllSegments ?? [])")
    }
    router.delete("/only-delete") { _ in .text("deleted") }
    return router
}

@Test func staticSegmentsBeatParameters() async {
    let router = echoRouter()
    #expect(await router.respond(to: makeRequest("/s/new")).bodyText == "new survey")
    #expect(await router.respond(to: makeRequest("/s/abc")).bodyText == "survey abc")
    #expect(await router.respond(to: makeRequest("/")).bodyText == "home")
}

@Test func deadEndLiteralFallsBackToTheParameterBranch() async {
    let router = echoRouter()
    // "new" is a literal child of /s, but only /s/:id has an "edit" child.
    #expect(await router.respond(to: makeRequest("/s/new/edit")).bodyText == "edit new")
}

@Test func parametersArePercentDecodedPerSegment() async {
    let router = echoRouter()
    let response = await router.respond(to: makeRequest("/s/b%E1%BA%A7u-c%E1%BB%AD/Ph%C3%BAc%20X%C3%A1"))
    #expect(response.status == .ok)
    #expect(response.bodyText == "bầu-cử|Phúc Xá")
    // "+" is literal in a path, unlike in a form.
    #expect(await router.respond(to: makeRequest("/s/a+b")).bodyText == "survey a+b")
}

@Test func encodedSlashStaysInsideItsSegment() async {
    let router = echoRouter()
    let response = await router.respond(to: makeRequest("/s/a%2Fb"))
    #expect(response.bodyText == "survey a/b")
    // Decoded, "/s/a%2Fb/edit" would look like four segments; raw it is three.
    #expect(await router.respond(to: makeRequest("/s/a%2Fb/edit")).bodyText == "edit a/b")
}

@Test func badPercentEncodingIsABadRequest() async {
    let router = echoRouter()
    #expect(await router.respond(to: makeRequest("/s/%ZZ")).status == .badRequest)
    #expect(await router.respond(to: makeRequest("/s/%C3")).status == .badRequest)  // truncated UTF-8
    #expect(await router.respond(to: makeRequest("/s/abc%")).status == .badRequest)
}

@Test func typedParameterConversion() async {
    let router = echoRouter()
    #expect(await router.respond(to: makeRequest("/n/41")).bodyText == "n=42")
    #expect(await router.respond(to: makeRequest("/n/forty")).status == .badRequest)
}

@Test func catchAllCapturesTheRestAsSegments() async {
    let router = echoRouter()
    let response = await router.respond(to: makeRequest("/static/css/site%20v2.css"))
    #expect(response.bodyText == "file css/site v2.css [\"css\", \"site v2.css\"]")
    // A catch-all needs at least one segment.
    #expect(await router.respond(to: makeRequest("/static")).status == .notFound)
    #expect(await router.respond(to: makeRequest("/static/")).status == .notFound)
}

@Test func unknownPathIsNotFound() async {
    let router = echoRouter()
    let response = await router.respond(to: makeRequest("/nowhere"))
    #expect(response.status == .notFound)
    #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
    #expect(response.bodyText.contains("Không tìm thấy trang bạn yêu cầu."))
    #expect(await router.respond(to: makeRequest("/s/a/b/c")).status == .notFound)
}

@Test func wrongMethodIsMethodNotAllowedWithAllow() async {
    let router = echoRouter()
    let response = await router.respond(to: makeRequest(.put, "/s/abc"))
    #expect(response.status == .methodNotAllowed)
    #expect(response.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
    #expect(response.bodyText.contains("Phương thức không được hỗ trợ."))
    let deleteOnly = await router.respond(to: makeRequest(.get, "/only-delete"))
    #expect(deleteOnly.status == .methodNotAllowed)
    #expect(deleteOnly.headers["Allow"] == "DELETE, OPTIONS")
}

@Test func postToAParameterRouteStillWorksBesideALiteral() async {
    let router = echoRouter()
    // /s/new only answers GET; a POST to it reaches /s/:id's POST instead of a 405.
    #expect(await router.respond(to: makeRequest(.post, "/s/new")).bodyText == "saved new")
}

@Test func headFallsBackToGet() async {
    let router = echoRouter()
    let response = await router.respond(to: makeRequest(.head, "/s/abc"))
    #expect(response.status == .ok)
    #expect(response.bodyText == "survey abc", "the server strips the body; the length stays right")
}

@Test func optionsAnswersWithAllow() async {
    let router = echoRouter()
    let response = await router.respond(to: makeRequest(.options, "/s/abc"))
    #expect(response.status == .noContent)
    #expect(response.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
    #expect(await router.respond(to: makeRequest(.options, "/nowhere")).status == .notFound)
}

@Test func eachRequestGetsADistinctID() async {
    var router = Router()
    router.get("/id") { request in .text(request.id) }
    let first = await router.respond(to: makeRequest("/id")).bodyText
    let second = await router.respond(to: makeRequest("/id")).bodyText
    #expect(first != second)
    #expect(first.split(separator: "-").first == second.split(separator: "-").first)
}
