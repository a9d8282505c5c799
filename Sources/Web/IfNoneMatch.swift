/// A request's `If-None-Match` (RFC 9110 §13.1.2): `*`, or a comma-separated list of entity tags, compared weakly
/// (`W/"x"` matches `"x"`). Read from every field line of the header, since a list may be split over several.
/// An entity tag may itself hold a comma (`etagc` allows it), so the list is read tag by tag, not split on commas.
public struct IfNoneMatch: Sendable, Equatable {
    /// `*`: any current representation matches.
    public let matchesAny: Bool
    /// The tags named, each as `"opaque"` with its quotes and without `W/`.
    public let tags: [String]

    /// nil when the request has no `If-None-Match`. A malformed list keeps the tags read before the fault: the
    /// condition can then only fail to match, and a full answer is always a safe answer to a broken condition.
    public init?(headerValues: [String]) {
        guard !headerValues.isEmpty else { return nil }
        var any = false
        var tags: [String] = []
        for value in headerValues {
            let list = Self.parse(value)
            any = any || list.any
            tags += list.tags
        }
        matchesAny = any
        self.tags = tags
    }

    /// Whether a representation with entity tag `tag` (quoted, strong or weak) satisfies the list, so the
    /// answer is 304 for a GET or HEAD.
    public func matches(_ tag: String) -> Bool {
        matchesAny || tags.contains(Self.opaque(tag))
    }

    /// `"x"` of `W/"x"` or `"x"`.
    static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    private static func parse(_ value: String) -> (any: Bool, tags: [String]) {
        let bytes = Array(value.utf8)
        var tags: [String] = []
        var index = 0
        func skipSeparators() {
            while index < bytes.count,
                [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ",")].contains(bytes[index])
            {
                index += 1
            }
        }
        skipSeparators()
        if index < bytes.count, bytes[index] == UInt8(ascii: "*") {
            index += 1
            skipSeparators()
            return (index == bytes.count, [])
        }
        while index < bytes.count {
            if bytes[index...].starts(with: "W/".utf8) { index += 2 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { break }
            let start = index
            index += 1
            // etagc: any visible byte but the quote, and obs-text.
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] > 0x20, bytes[index] != 0x7F {
                index += 1
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { break }
            index += 1
            tags.append(String(decoding: bytes[start..<index], as: UTF8.self))
            let before = index
            skipSeparators()
            // Two tags must be separated by a comma.
            if index < bytes.count, !bytes[before..<index].contains(UInt8(ascii: ",")) { break }
        }
        return (false, tags)
    }
}
