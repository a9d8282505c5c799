/// The cookies a client sent, parsed leniently: a malformed pair is skipped, never fatal, and when a name
/// repeats the first value wins (browsers send the most specific path first, RFC 6265 §5.4).
public struct Cookies: Sendable {
    private var values: [String: String] = [:]

    public init() {}

    /// Parses every `Cookie` header field (a client should send one, but a proxy may split it).
    public init(headerValues: [String]) {
        for header in headerValues {
            for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
                guard let (name, value) = Self.parsePair(pair), values[name] == nil else { continue }
                values[name] = value
            }
        }
    }

    public subscript(name: String) -> String? { values[name] }

    public var count: Int { values.count }

    private static func parsePair(_ pair: Substring.UTF8View) -> (String, String)? {
        guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let name = trimmed(pair[..<equals])
        var value = trimmed(pair[pair.index(after: equals)...])
        guard !name.isEmpty, name.allSatisfy(SetCookie.isTokenByte) else { return nil }
        // A value may be wrapped in double quotes; the quotes are not part of it.
        if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
            value = value.dropFirst().dropLast()
        }
        guard value.allSatisfy(SetCookie.isCookieValueByte),
            let nameText = String(validating: name, as: UTF8.self),
            let valueText = String(validating: value, as: UTF8.self)
        else { return nil }
        return (nameText, valueText)
    }

    private static func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        var slice = bytes
        while let first = slice.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            slice = slice.dropFirst()
        }
        while let last = slice.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            slice = slice.dropLast()
        }
        return slice
    }
}
