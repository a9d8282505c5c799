/// LIKE patterns from user text: `%` and `_` typed by a person are literal, matched with `ESCAPE '\'`.
package enum LikePattern {
    package static func containing(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
