import HTTP
import Synchronization
import Testing
import Web

/// Adds its name to a response header on the way out, and to the request storage on the way in.
private struct Tagging: Middleware {
    let name: String

    func handle(_ request: Request, next: Handler) async throws -> Response {
        var request = request
        request.storage[TrailKey.self] = (request.storage[TrailKey.self] ?? []) + [name]
        var response = try await next(request)
        response.headers.add("X-Trail", name)
        return response
    }
}

private enum TrailKey: RequestStorageKey {
    typealias Value = [String]
}

/// The same as `Tagging`, as a synchronous layer: the router runs it without nesting a call.
private struct SynchronousTagging: SynchronousMiddleware {
    let name: String

    func prepare(_ request: inout Request) {
        request.storage[TrailKey.self] = (request.storage[TrailKey.self] ?? []) + [name]
    }

    func finish(_ response: inout Response, for request: Request, startedAt start: ContinuousClock.Instant) {
        response.headers.add("X-Trail", name)
    }
}

/// A wrapping layer for `/api` paths only, counting how often it was called (a class: the router's copy and the
/// test's share the count).
private final class APIOnly: Middleware {
    let calls = Atomic<Int>(0)

    func applies(to request: Request) -> Bool { request.path.hasPrefix("/api/") }

    func handle(_ request: Request, next: Handler) async throws -> Response {
        calls.add(1, ordering: .relaxed)
        var response = try await next(request)
        response.headers.add("X-API", "yes")
        return response
    }
}

@Test func synchronousLayersKeepTheirPlaceAmongWrappingOnes() async {
    var router = Router()
    router.add(Tagging(name: "outer"))
    router.add(SynchronousTagging(name: "second"))
    router.add(SynchronousTagging(name: "third"))
    router.add(Tagging(name: "inner"))
    router.add(SynchronousTagging(name: "innermost"))
    router.get("/trail") { request in .text((request.storage[TrailKey.self] ?? []).joined(separator: ">")) }
    let response = await router.respond(to: makeRequest("/trail"))
    #expect(response.bodyText == "outer>second>third>inner>innermost")
    #expect(response.headers.values(named: "X-Trail") == ["innermost", "inner", "third", "second", "outer"])
}

@Test func synchronousLayersFinishTheErrorPagesOfTheLayersInside() async {
    var router = Router()
    router.add(SynchronousTagging(name: "outer"))
    router.add(ClosureMiddleware { _, _ in throw HTTPError(.tooManyRequests) })
    router.get("/") { _ in .text("never") }
    let refused = await router.respond(to: makeRequest("/"))
    #expect(refused.status == .tooManyRequests)
    #expect(refused.headers["X-Trail"] == "outer")

    var routeOnly = Router()
    routeOnly.add(SynchronousTagging(name: "only"))
    routeOnly.get("/fails") { _ in throw HTTPError(.conflict) }
    let conflict = await routeOnly.respond(to: makeRequest("/fails"))
    #expect(conflict.status == .conflict)
    #expect(conflict.headers["X-Trail"] == "only")
    let missing = await routeOnly.respond(to: makeRequest("/missing"))
    #expect(missing.status == .notFound)
    #expect(missing.headers["X-Trail"] == "only")
}

@Test func aLayerThatDoesNotApplyIsNeverCalled() async {
    let apiOnly = APIOnly()
    var router = Router()
    router.add(SynchronousTagging(name: "outer"))
    router.add(apiOnly)
    router.add(SynchronousTagging(name: "inner"))
    router.get("/page") { request in .text((request.storage[TrailKey.self] ?? []).joined(separator: ">")) }
    router.get("/api/items") { _ in .text("[]") }
    let page = await router.respond(to: makeRequest("/page"))
    #expect(page.bodyText == "outer>inner", "the layers after the skipped one still run")
    #expect(page.headers["X-API"] == nil)
    #expect(page.headers.values(named: "X-Trail") == ["inner", "outer"])
    #expect(apiOnly.calls.load(ordering: .relaxed) == 0)
    let api = await router.respond(to: makeRequest("/api/items"))
    #expect(api.headers["X-API"] == "yes")
    #expect(api.headers.values(named: "X-Trail") == ["inner", "outer"])
    #expect(apiOnly.calls.load(ordering: .relaxed) == 1)
}

@Test func aSynchronousLayerWorksOutsideARouterToo() async throws {
    let request = Request(makeRequest("/x"), id: "test")
    let response = try await SecurityHeadersMiddleware().handle(request) { _ in .text("ok") }
    #expect(response.bodyText == "ok")
    #expect(response.headers["X-Frame-Options"] == "DENY")
    let tagged = try await SynchronousTagging(name: "alone").handle(request) { request in
        .text((request.storage[TrailKey.self] ?? []).joined(separator: ">"))
    }
    #expect(tagged.bodyText == "alone")
    #expect(tagged.headers["X-Trail"] == "alone")
}

@Test func middlewareRunsInOrderAroundRoutesAddedLater() async {
    var router = Router()
    router.add(Tagging(name: "outer"))
    router.add(Tagging(name: "inner"))
    // Added after the middleware, still wrapped by it.
    router.get("/trail") { request in .text((request.storage[TrailKey.self] ?? []).joined(separator: ">")) }
    let response = await router.respond(to: makeRequest("/trail"))
    #expect(response.bodyText == "outer>inner")
    #expect(response.headers.values(named: "X-Trail") == ["inner", "outer"])
}

@Test func middlewareWrapsNotFoundAndMethodNotAllowed() async {
    var router = Router()
    router.post("/form") { _ in .text("ok") }
    router.add(Tagging(name: "only"))
    let notFound = await router.respond(to: makeRequest("/nope"))
    #expect(notFound.status == .notFound)
    #expect(notFound.headers["X-Trail"] == "only")
    let wrongMethod = await router.respond(to: makeRequest(.get, "/form"))
    #expect(wrongMethod.status == .methodNotAllowed)
    #expect(wrongMethod.headers["X-Trail"] == "only")
}

@Test func errorThrownByInnerMiddlewareIsAPageForOuterMiddleware() async {
    var router = Router()
    router.add(SecurityHeadersMiddleware())
    router.add(
        ClosureMiddleware { request, next in
            guard request.cookie("session") != nil else { throw HTTPError.forbidden }
            return try await next(request)
        })
    router.get("/admin") { _ in .text("secret area") }
    let refused = await router.respond(to: makeRequest("/admin"))
    #expect(refused.status == .forbidden)
    #expect(refused.headers["X-Frame-Options"] == "DENY", "outer middleware saw the error page")
    let allowed = await router.respond(to: makeRequest("/admin", headers: [("Cookie", "session=abc")]))
    #expect(allowed.bodyText == "secret area")
}

@Test func outermostMiddlewareErrorsAreRenderedToo() async {
    var router = Router()
    router.add(ClosureMiddleware { _, _ in throw HTTPError(.tooManyRequests) })
    router.get("/") { _ in .text("never") }
    let response = await router.respond(to: makeRequest("/"))
    #expect(response.status == .tooManyRequests)
    #expect(response.bodyText.contains("Bạn đã gửi quá nhiều yêu cầu."))
}

@Test func securityHeadersAreAddedEverywhereUnlessAHandlerChoseItsOwn() async {
    var router = Router()
    router.add(SecurityHeadersMiddleware())
    router.get("/page") { _ in .html("<p>hi</p>") }
    router.get("/embed") { _ in Response.html("<p>x</p>").settingHeader("X-Frame-Options", "SAMEORIGIN") }
    for target in ["/page", "/missing"] {
        let response = await router.respond(to: makeRequest(target))
        #expect(response.headers["Content-Security-Policy"] == SecurityHeadersMiddleware.defaultContentSecurityPolicy)
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Referrer-Policy"] == "same-origin")
        #expect(response.headers["X-Frame-Options"] == "DENY")
        #expect(response.headers["Strict-Transport-Security"] == nil)
    }
    #expect(SecurityHeadersMiddleware.defaultContentSecurityPolicy.contains("frame-ancestors 'none'"))
    let embed = await router.respond(to: makeRequest("/embed"))
    #expect(embed.headers.values(named: "X-Frame-Options") == ["SAMEORIGIN"])
}

@Test func securityHeadersAreConfigurable() async {
    var router = Router()
    router.add(
        SecurityHeadersMiddleware(
            contentSecurityPolicy: "default-src 'none'", referrerPolicy: nil,
            strictTransportSecurity: "max-age=31536000"))
    router.get("/") { _ in .text("x") }
    let response = await router.respond(to: makeRequest("/"))
    #expect(response.headers["Content-Security-Policy"] == "default-src 'none'")
    #expect(response.headers["Referrer-Policy"] == nil)
    #expect(response.headers["Strict-Transport-Security"] == "max-age=31536000")
}

@Test func accessLogWritesOneWellFormedLinePerRequest() async throws {
    let log = LineCollector()
    var router = Router()
    router.add(AccessLogMiddleware(write: log.sink))
    router.get("/s/:id") { _ in .text("12345") }
    _ = await router.respond(to: makeRequest("/s/ph%C3%BAc?token=secret"))
    _ = await router.respond(to: makeRequest(.post, "/s/x"))
    _ = await router.respond(to: makeRequest("/bad\u{1B}[31m"))
    #expect(log.lines.count == 3)
    let fields = logfmtFields(try #require(log.lines.first))
    #expect(fields.map(\.key) == ["time", "id", "client", "method", "path", "status", "bytes", "ms"])
    let values = Dictionary(uniqueKeysWithValues: fields)
    #expect(isISO8601UTCWithMilliseconds(values["time"] ?? ""))
    #expect(values["client"] == "-", "a request without a peer address")
    #expect(values["method"] == "GET" && values["path"] == "/s/ph%C3%BAc")
    #expect(values["status"] == "200" && values["bytes"] == "5")
    #expect(Double(values["ms"] ?? "") != nil)
    #expect(values["id"]?.isEmpty == false)
    #expect(!log.lines[0].contains("secret"))
    let second = Dictionary(uniqueKeysWithValues: logfmtFields(log.lines[1]))
    #expect(second["method"] == "POST" && second["status"] == "405")
    #expect(!log.lines[2].contains("\u{1B}"), "control characters cannot forge log output")
}

@Test func responsesCarryTheRequestIDOfTheLogLine() async throws {
    let log = LineCollector()
    var router = Router()
    router.add(AccessLogMiddleware(write: log.sink, pathForLog: { _ in "/k/[redacted]" }))
    router.get("/k/:token") { _ in .text("ok") }
    let found = await router.respond(to: makeRequest("/k/tok3n"))
    let missing = await router.respond(to: makeRequest("/nowhere"))
    let ids = log.lines.map { Dictionary(uniqueKeysWithValues: logfmtFields($0))["id"] }
    #expect(ids == [found.headers["X-Request-Id"], missing.headers["X-Request-Id"]])
    #expect(found.headers["X-Request-Id"] != missing.headers["X-Request-Id"])
    #expect(!log.lines[0].contains("tok3n"))
}

/// `key=value` pairs of a logfmt line (values quoted with `"` may hold spaces and `\"`).
func logfmtFields(_ line: String) -> [(key: String, value: String)] {
    var fields: [(key: String, value: String)] = []
    var rest = Substring(line)
    while !rest.isEmpty {
        rest = rest.drop { $0 == " " }
        let key = rest.prefix { $0 != "=" }
        rest = rest.dropFirst(key.count + 1)
        var value = ""
        if rest.first == "\"" {
            rest = rest.dropFirst()
            while let character = rest.first, character != "\"" {
                if character == "\\" { rest = rest.dropFirst() }
                if let next = rest.first { value.append(next) }
                rest = rest.dropFirst()
            }
            rest = rest.dropFirst()
        } else {
            value = String(rest.prefix { $0 != " " })
            rest = rest.dropFirst(value.count)
        }
        if !key.isEmpty { fields.append((String(key), value)) }
    }
    return fields
}

private func isISO8601UTCWithMilliseconds(_ text: String) -> Bool {
    // 2026-11-22T05:06:32.123Z
    let pattern = Array("dddd-dd-ddTdd:dd:dd.dddZ")
    let characters = Array(text)
    guard characters.count == pattern.count else { return false }
    return zip(characters, pattern).allSatisfy { actual, expected in
        expected == "d" ? actual.isASCII && actual.isNumber : actual == expected
    }
}
