/// Escapes the five characters that can change the meaning of markup: `&`, `<`, `>`, `"` and `'`.
/// Escaping both quotes makes the same function safe for text content and for quoted attribute values.
enum HTMLEscaping {
    /// Appends `text` to `output` as UTF-8, escaped. Runs of ordinary bytes are copied in one go, so text
    /// without special characters (most of it) costs a single copy.
    static func append<Text: StringProtocol>(_ text: Text, to output: inout [UInt8]) {
        let handled: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, to: &output) }
        if handled == nil {
            var copy = String(text)
            copy.withUTF8 { append($0, to: &output) }
        }
    }

    private static func append(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<text.count {
            let replacement: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            output += UnsafeBufferPointer(rebasing: text[runStart..<index])
            output += UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
            runStart = index + 1
        }
        output += UnsafeBufferPointer(rebasing: text[runStart..<text.count])
    }
}
