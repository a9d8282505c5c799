import Crypto
import HTTP
import Web

/// How every list endpoint of the API answers, in one line (README, "API lists"):
/// `try APIList(request, environment).response(items, position: \.listPosition, body: render)`.
///
/// - Without `limit` or `cursor`: the whole list, the body `render` writes (a bare JSON array), as before paging.
/// - With them (`APIListQuery`): the page of at most `limit` items after the cursor's position, and while items
///   follow `Link: <URL>; rel="next"`, the URL repeating the path and every other query parameter with `limit` and
///   the next `cursor` (absolute when the public URL is http or https, else path-absolute).
/// - Always a strong `ETag` (the SHA-256 of the body, and of the `Link` when there is one, so a last page that
///   gains a next one changes tag) and `Cache-Control: private, no-cache`; `If-None-Match` naming it (weakly), or
///   `*`, gets 304 with the same headers and no body. `CompressionMiddleware` answers the `-gz` tag of a gzip body.
///
/// `filters` are the query parameters that choose the list's items (`unit`, `district`): a cursor is bound to the
/// path and to their values, so a cursor of another list is refused (400 `invalid_cursor`).
struct APIList: Sendable {
    static let cacheControl = "private, no-cache"

    let request: Request
    let secret: [UInt8]
    let publicURL: String
    let filters: [String]

    init(_ request: Request, _ environment: AppEnvironment, filters: [String] = []) {
        self.request = request
        secret = environment.secret
        publicURL = environment.publicURL
        self.filters = filters
    }

    /// `position` must give the items, in the order given, distinct and increasing positions (the list's sort
    /// key); `body` writes any run of them as the list's JSON.
    func response<Item>(
        _ items: [Item], position: (Item) -> APIListPosition, body: ([Item]) throws -> Response
    ) throws -> Response {
        let query = try APIListQuery(request.queryItems())
        guard let limit = query.limit else { return finish(try body(items), next: nil) }
        var start = 0
        if let cursor = query.cursor {
            guard let after = APIListCursor.decode(cursor, list: list, key: secret) else {
                throw APIError.invalidCursor
            }
            start = try Self.firstIndex(in: items, after: after, position: position)
        }
        let end = min(start + limit, items.count)
        var next: String?
        if end < items.count {
            guard let cursor = APIListCursor.encode(position(items[end - 1]), list: list, key: secret) else {
                throw APIListError.positionTooLarge
            }
            next = nextURL(limit: limit, cursor: cursor)
        }
        return finish(try body(Array(items[start..<end])), next: next)
    }

    /// The same for items that encode themselves (`APIJSON`).
    func json<Item: Encodable>(_ items: [Item], position: (Item) -> APIListPosition) throws -> Response {
        try response(items, position: position) { try APIJSON.response($0) }
    }

    /// The first item whose position follows `after` (a binary search over the sorted positions); 400 when the
    /// cursor's position is not of this list's shape.
    static func firstIndex<Item>(
        in items: [Item], after: APIListPosition, position: (Item) -> APIListPosition
    ) throws(APIError) -> Int {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) / 2
            guard let before = after.precedes(position(items[middle])) else { throw .invalidCursor }
            if before { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The list a cursor belongs to: the canonical path and the values of the parameters that choose the items.
    var list: String {
        let values = filters.flatMap { name in
            ((try? request.queryItems().values(for: name)) ?? []).map { URLEncodedForm.Field(name: name, value: $0) }
        }
        return path + "?" + URLEncodedForm(values).encoded
    }

    /// The path as the site prints it (`SiteRoute`), so `/api/v1/campaigns/03/...` and `.../3/...` are one list.
    var path: String {
        SiteRoute(path: request.path)?.path ?? PercentEncoding.encodePath(request.path)
    }

    /// The request's URL with every other query parameter in its order, then `limit` and the new `cursor`.
    func nextURL(limit: Int, cursor: String) -> String {
        var query = URLEncodedForm(
            ((try? request.queryItems().fields) ?? []).filter { $0.name != "limit" && $0.name != "cursor" })
        query.append("limit", String(limit))
        query.append("cursor", cursor)
        let lowered = publicURL.lowercased()
        let base = lowered.hasPrefix("https://") || lowered.hasPrefix("http://") ? publicURL : ""
        return base + path + "?" + query.encoded
    }

    /// Adds the validators and the `Link`, or answers 304 when the client's copy is current.
    func finish(_ response: Response, next: String?) -> Response {
        var hasher = SHA256Hasher()
        hasher.update(response.body)
        let link = next.map { "<\($0)>; rel=\"next\"" }
        if let link { hasher.update(Array(("\n" + link).utf8)) }
        let tag = "\"" + Hex.encode(hasher.finalize()) + "\""
        var headers = HTTPHeaders()
        headers.set("ETag", tag)
        headers.set("Cache-Control", Self.cacheControl)
        if let link { headers.set("Link", link) }
        if IfNoneMatch(headerValues: request.headers.values(named: "If-None-Match"))?.matches(tag) == true {
            // The 200 varies with Accept-Encoding (CompressionMiddleware says so on it); so does this answer.
            headers.set("Vary", "Accept-Encoding")
            return Response(status: .notModified, headers: headers)
        }
        var answer = response
        for field in headers { answer.headers.set(field.name, field.value) }
        return answer
    }
}

/// A list item whose position cannot travel in a cursor (a text of more than 255 bytes): the server's fault, so a
/// logged 500 rather than a page that silently ends.
enum APIListError: Error {
    case positionTooLarge
}
