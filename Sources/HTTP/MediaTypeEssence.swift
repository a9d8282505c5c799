/// The essence of a Content-Type value (`type/subtype`, RFC 9110 §8.3.1): what comes before its parameters,
/// compared without case. Read from the value's bytes in place, because every POST and every response asks.
public enum MediaTypeEssence {
    /// Whether `contentType` (e.g. `Application/X-WWW-Form-Urlencoded; charset=UTF-8`) names `essence`, which is
    /// given in lower case (`application/x-www-form-urlencoded`).
    public static func matches(_ contentType: String, _ essence: String) -> Bool {
        var contentType = contentType
        var essence = essence
        return contentType.withUTF8 { value in
            essence.withUTF8 { expected in matches(value, expected) }
        }
    }

    /// Whether `contentType` names any of `essences` (each given in lower case).
    public static func matches(_ contentType: String, anyOf essences: [[UInt8]]) -> Bool {
        var contentType = contentType
        return contentType.withUTF8 { value in
            essences.contains { essence in essence.withUnsafeBufferPointer { matches(value, $0) } }
        }
    }

    private static func matches(_ value: UnsafeBufferPointer<UInt8>, _ expected: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = value.firstIndex(of: UInt8(ascii: ";")) ?? value.endIndex
        var start = value.startIndex
        while start < end, ASCII.isWhitespace(value[start]) { start += 1 }
        while end > start, ASCII.isWhitespace(value[end - 1]) { end -= 1 }
        guard end - start == expected.count else { return false }
        for offset in 0..<expected.count where lowercase(value[start + offset]) != expected[offset] { return false }
        return true
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
