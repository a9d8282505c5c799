/// A request target that may carry an upload-sized body: a method and a path pattern whose `*` segments match
/// any one non-empty segment (`/admin/dossiers/*/*/documents`). Plain data, so limits stay `Hashable` and the
/// parser decides from the request line alone, before any body byte is read.
public struct UploadTarget: Sendable, Hashable, CustomStringConvertible {
    public let method: HTTPMethod
    /// The pattern's segments; "*" is a wildcard.
    public let segments: [String]

    public init(method: HTTPMethod = .post, pattern: String) {
        self.method = method
        segments = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }

    /// Matches the raw (still percent-encoded) path, so an encoded "/" inside a segment cannot shift segments.
    public func matches(method: HTTPMethod, rawPath: String) -> Bool {
        guard method == self.method, rawPath.first == "/" else { return false }
        let parts = rawPath.utf8.split(separator: ASCII.slash, omittingEmptySubsequences: false).dropFirst()
        guard parts.count == segments.count else { return false }
        for (part, segment) in zip(parts, segments) {
            if segment == "*" {
                if part.isEmpty { return false }
            } else if !part.elementsEqual(segment.utf8) {
                return false
            }
        }
        return true
    }

    public var description: String { "\(method.rawValue) /" + segments.joined(separator: "/") }
}
