import Crypto
import HTTP
import Web

/// `GET /api/v1/openapi.json`: the API's OpenAPI 3.1 document, written by hand in `api/openapi.json` and embedded by
/// `scripts/embed-resources` (`EmbeddedAPIDocument`). No token: a client reads it to learn how to get one. The
/// bytes never change while the binary runs, so the tag is computed once and a matching `If-None-Match` is a 304.
enum APIDocumentRoute {
    static let bytes = Array(EmbeddedAPIDocument.json.utf8)
    static let entityTag = "\"" + String(SHA256.hex(bytes).prefix(32)) + "\""
    /// Five minutes: a new release's document reaches a client soon, and a tool polling it costs one 304.
    static let cacheControl = "public, max-age=300"

    static func install(on routes: inout RouteTable) {
        routes.open(.get, .apiDocument) { request in response(for: request) }
    }

    static func response(for request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.add("ETag", entityTag)
        headers.add("Cache-Control", cacheControl)
        if matches(request.headers.values(named: "If-None-Match")) {
            return Response(status: .notModified, headers: headers)
        }
        headers.add("Content-Type", "application/json")
        return Response(status: .ok, headers: headers, body: bytes)
    }

    /// RFC 9110 §13.1.2: a weak comparison, `*` matching any current representation.
    static func matches(_ values: [String]) -> Bool {
        for value in values {
            for item in value.split(separator: ",") {
                let tag = APITokenMiddleware.trimmingBlanks(item)
                if tag == "*" || tag == entityTag || tag == "W/" + entityTag { return true }
            }
        }
        return false
    }
}
