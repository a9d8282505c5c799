import HTTP

/// gzip for text that travels: HTML, CSS, JavaScript, JSON, CSV, SVG and plain text of at least `minimumBytes`,
/// when the request's `Accept-Encoding` takes gzip (RFC 9110 §12.5.3, q-values honoured, `identity` or `gzip;q=0`
/// respected). Never for types that are compressed already (PNG, JPEG, PDF, XLSX, DOCX) or a response that says
/// `no-transform`. Every compressible response says `Vary: Accept-Encoding`, so a shared cache keeps the two apart.
///
/// A compressed response's ETag gets a `-gz` suffix (two representations, two tags); a request whose
/// `If-None-Match` names the compressed tag of what the handler produced gets a 304 here.
public struct CompressionMiddleware: SynchronousMiddleware {
    public var minimumBytes: Int
    public var level: Int32

    public init(minimumBytes: Int = 1024, level: Int32 = 6) {
        self.minimumBytes = minimumBytes
        self.level = level
    }

    static let compressibleTypes: Set<String> = [
        "text/html", "text/css", "text/javascript", "application/javascript", "application/json", "text/csv",
        "text/plain", "image/svg+xml", "application/xml", "text/xml",
    ]
    static let suffix = "-gz\""

    public func finish(_ response: inout Response, for request: Request, startedAt start: ContinuousClock.Instant) {
        guard let type = response.headers["Content-Type"], Self.isCompressible(type) else { return }
        response.headers.set("Vary", Self.vary(adding: response.headers["Vary"]))
        let wantsGzip = Self.acceptsGzip(request.headers.values(named: "Accept-Encoding"))
        if wantsGzip, response.status == .ok, let tag = response.headers["ETag"],
            Self.matches(request.headers["If-None-Match"], Self.compressedTag(tag))
        {
            response.status = .notModified
            response.body = []
            response.headers.set("ETag", Self.compressedTag(tag))
            response.headers.remove("Content-Length")
            return
        }
        guard wantsGzip, response.status.code == 200 || response.status.code >= 400,
            response.body.count >= minimumBytes, response.headers["Content-Encoding"] == nil,
            response.headers["Cache-Control"]?.lowercased().contains("no-transform") != true,
            let compressed = Gzip.compress(response.body, level: level), compressed.count < response.body.count
        else { return }
        response.body = compressed
        response.headers.set("Content-Encoding", "gzip")
        if let tag = response.headers["ETag"] { response.headers.set("ETag", Self.compressedTag(tag)) }
    }

    /// Runs on every response, so it compares bytes in place: no split, no lowercased copy.
    public static func isCompressible(_ contentType: String) -> Bool {
        MediaTypeEssence.matches(contentType, anyOf: compressibleTypeBytes)
    }

    private static let compressibleTypeBytes = compressibleTypes.map { Array($0.utf8) }

    static func matches(_ ifNoneMatch: String?, _ tag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        return ifNoneMatch.split(separator: ",").contains { trimmed($0) == tag || trimmed($0) == "W/" + tag }
    }

    static func trimmed(_ text: Substring) -> String {
        guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = text.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(text[first...last])
    }

    /// Whether gzip is acceptable: named with q > 0, or `*` with q > 0 and gzip not refused by name.
    static func acceptsGzip(_ headerValues: [String]) -> Bool {
        var gzip: Double?
        var any: Double?
        for item in headerValues.joined(separator: ",").split(separator: ",") {
            let parts = item.split(separator: ";").map { trimmed($0).lowercased() }
            guard let coding = parts.first, !coding.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            switch coding {
            case "gzip", "x-gzip": gzip = quality
            case "*": any = quality
            default: break
            }
        }
        if let gzip { return gzip > 0 }
        return (any ?? 0) > 0
    }

    static func compressedTag(_ tag: String) -> String {
        guard tag.hasSuffix("\""), !tag.hasSuffix(suffix) else { return tag }
        return String(tag.dropLast()) + suffix
    }

    static func vary(adding existing: String?) -> String {
        guard let existing, !existing.isEmpty else { return "Accept-Encoding" }
        let names = existing.split(separator: ",").map { trimmed($0).lowercased() }
        return names.contains("accept-encoding") || names.contains("*") ? existing : existing + ", Accept-Encoding"
    }
}
