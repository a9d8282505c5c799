import Foundation
import HTTP
import Testing
import Web

@testable import App
@testable import Store

/// `GET /api/v1/openapi.json`: the hand-written document (`api/openapi.json`) served as embedded, without a token,
/// and naming exactly the API's routes, so a new endpoint cannot ship undocumented (and a documented one cannot
/// disappear from the server). Its contents are checked against the live server by Schemathesis (`make test-api`).
@Suite struct APIDocumentTests {
    static let path = SiteRoute.apiDocument.path

    @Test func servedWithoutTokenAsJSONWithATag() async throws {
        let app = try await TestApp()
        let response = await app.get(Self.path)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["Cache-Control"] == "public, max-age=300")
        #expect(response.body == Array(EmbeddedAPIDocument.json.utf8))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let tag = try #require(response.headers["ETag"])
        #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && tag.count == 34)

        let again = await app.get(Self.path, headers: [("If-None-Match", "\"other\", \(tag)")])
        #expect(again.status == .notModified)
        #expect(again.body.isEmpty)
        #expect(again.headers["ETag"] == tag)
        #expect(await app.get(Self.path, headers: [("If-None-Match", "W/\(tag)")]).status == .notModified)
        #expect(await app.get(Self.path, headers: [("If-None-Match", "\"other\"")]).status == .ok)
        // A bad token does not matter here: the document is public.
        #expect(await app.get(Self.path, headers: [("Authorization", "Bearer nonsense")]).status == .ok)
        await app.close()
    }

    /// "GET /api/v1/campaigns/{id}/communes" for every method of every `/api` route the router serves, and for every
    /// operation of the document.
    @Test func documentNamesExactlyTheServersRoutes() async throws {
        let app = try await TestApp()
        let entries = try Application.routes(app.environment).entries.filter { $0.template.area == "api" }
        let served = Set(entries.map { "\($0.method.rawValue) \(Self.openAPIPath($0.template.rawValue))" })
        #expect(served.contains("GET /api/v1/campaigns/{id}/communes"))

        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(EmbeddedAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
        var documented: Set<String> = []
        for (path, item) in paths {
            for method in item.keys where methods.contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(served.subtracting(documented).isEmpty, "served but not in api/openapi.json")
        #expect(documented.subtracting(served).isEmpty, "in api/openapi.json but not served")
        await app.close()
    }

    /// The router's `:name` parameters in OpenAPI's `{name}` form.
    static func openAPIPath(_ template: String) -> String {
        template.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }
}
