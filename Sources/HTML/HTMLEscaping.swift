/// Escapes the five characters that can change the meaning of markup: `&`, `<`, `>`, `"` and `'`.
/// Escaping both quotes makes the same function safe for text content and for quoted attribute values.
enum HTMLEscaping {
    /// Appends `text` to `output`, escaped. Runs of ordinary characters are copied in one go, so text without
    /// special characters (most of it) costs a single append.
    static func append<Text: StringProtocol>(_ text: Text, to output: inout String) {
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let replacement: String? =
                switch utf8[index] {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\""): "&quot;"
                case UInt8(ascii: "'"): "&#39;"
                default: nil
                }
            if let replacement {
                // The special characters are ASCII, so these indices fall on character boundaries.
                output += text[runStart..<index]
                output += replacement
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += text[runStart..<utf8.endIndex]
    }
}
