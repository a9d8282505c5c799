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
    /// Asked for every request with a body, so it walks the path in place instead of splitting it into an array.
    public func matches(method: HTTPMethod, rawPath: String) -> Bool {
        guard method == self.method else { return false }
        let path = rawPath.utf8
        guard path.first == ASCII.slash else { return false }
        var start = path.index(after: path.startIndex)
        for (position, segment) in segments.enumerated() {
            let end = path[start...].firstIndex(of: ASCII.slash) ?? path.endIndex
            let part = path[start..<end]
            if segment == "*" {
                if part.isEmpty { return false }
            } else if !part.elementsEqual(segment.utf8) {
                return false
            }
            if position == segments.count - 1 { return end == path.endIndex }
            guard end != path.endIndex else { return false }
            start = path.index(after: end)
        }
        return false  // no segments: a path always has at least one
    }

    public var description: String { "\(method.rawValue) /" + segments.joined(separator: "/") }
}
