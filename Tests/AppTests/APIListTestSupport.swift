import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Reading the API's lists page by page, as a client does: `limit` on the first request, then the `Link` header's
/// URL until there is none.
extension APIWorld {
    /// Every page of `target` with `limit`, following `Link: rel="next"`; stops (and fails) past `maximumPages`.
    func pages(
        _ target: String, limit: Int, as user: String, headers: [(String, String)] = [], maximumPages: Int = 400
    ) async throws -> [HTTPResponse] {
        var pages = [await get(APIListPaging.adding("limit=\(limit)", to: target), as: user, headers: headers)]
        while let next = try APIListPaging.nextTarget(try #require(pages.last)) {
            try #require(pages.count < maximumPages, "the pages of \(target) never end")
            pages.append(await get(next, as: user, headers: headers))
        }
        return pages
    }

    func get(_ target: String, as username: String, headers: [(String, String)]) async -> HTTPResponse {
        await app.get(target, headers: [("Authorization", "Bearer \(tokens[username] ?? "")")] + headers)
    }

    /// The response's ETag, or a failed expectation.
    func etag(_ target: String, as user: String, headers: [(String, String)] = []) async throws -> String {
        let response = await get(target, as: user, headers: headers)
        #expect(response.status == .ok, "\(target)")
        return try #require(response.headers["ETag"], "\(target)")
    }
}

enum APIListPaging {
    static func adding(_ parameter: String, to target: String) -> String {
        target + (target.contains("?") ? "&" : "?") + parameter
    }

    /// The URL of `Link: <URL>; rel="next"` as a target for `TestApp.get` (its public URL taken off); nil without
    /// the header. Any other form of the header fails: the OpenAPI document promises exactly this one.
    static func nextTarget(_ response: HTTPResponse) throws -> String? {
        guard let link = response.headers["Link"] else { return nil }
        let suffix = ">; rel=\"next\""
        try #require(link.hasPrefix("<" + TestApp.publicURL + "/") && link.hasSuffix(suffix), "Link: \(link)")
        return String(link.dropFirst(1 + TestApp.publicURL.count).dropLast(suffix.count))
    }

    /// The pages' arrays joined into one, byte for byte as the whole list would be written (no spaces between
    /// items, in either writer).
    static func joined(_ pages: [HTTPResponse]) -> String {
        let items = pages.map { String(decoding: $0.body.dropFirst().dropLast(), as: UTF8.self) }
        return "[" + items.filter { !$0.isEmpty }.joined(separator: ",") + "]"
    }

    /// Items of a JSON array.
    static func count(_ response: HTTPResponse) throws -> Int {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [Any]).count
    }

    /// The query value of `name` in a target.
    static func value(_ name: String, in target: String) -> String? {
        URLComponents(string: target)?.queryItems?.first { $0.name == name }?.value
    }

    /// Reads `target` whole and with each limit, and checks that the pages put back together are the whole list:
    /// no page larger than its limit, none empty, every page but the last with a `Link`, the pages' count what
    /// the limit gives, the status 200 and the validators on each. Returns the whole list's item count.
    @discardableResult
    static func checkPaging(
        _ world: APIWorld, _ target: String, as user: String, limits: [Int] = [1, 2, 7],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Int {
        let whole = await world.get(target, as: user)
        #expect(whole.status == .ok, "\(target)", sourceLocation: sourceLocation)
        #expect(
            whole.headers["Link"] == nil, "\(target): the whole list has no next page", sourceLocation: sourceLocation)
        let total = try count(whole)
        for limit in limits {
            let pages = try await world.pages(target, limit: limit, as: user)
            #expect(joined(pages) == whole.text, "\(target) limit \(limit)", sourceLocation: sourceLocation)
            #expect(
                pages.count == max(1, (total + limit - 1) / limit), "\(target) limit \(limit)",
                sourceLocation: sourceLocation)
            for (index, page) in pages.enumerated() {
                #expect(page.status == .ok, sourceLocation: sourceLocation)
                #expect(page.headers["Cache-Control"] == "private, no-cache", sourceLocation: sourceLocation)
                #expect(page.headers["ETag"]?.hasPrefix("\"") == true, sourceLocation: sourceLocation)
                let items = try count(page)
                #expect(
                    items <= limit && (items > 0 || total == 0), "\(target) limit \(limit)",
                    sourceLocation: sourceLocation)
                #expect((page.headers["Link"] != nil) == (index < pages.count - 1), sourceLocation: sourceLocation)
            }
        }
        return total
    }
}
