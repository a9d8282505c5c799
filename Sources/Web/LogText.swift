/// Makes text from a request safe for a one-line log: control characters could forge extra lines.
enum LogText {
    static func sanitized(_ text: String) -> String {
        guard text.utf8.contains(where: isControl) else { return text }
        return String(decoding: text.utf8.map { isControl($0) ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
    }

    private static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }
}
