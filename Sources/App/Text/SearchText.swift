import Foundation

/// Text as people type it into a search box: "ngo quyen" must find "Ngô Quyền".
public enum SearchText {
    /// Lowercase, without diacritics; "đ" becomes "d" (Unicode gives it no decomposition).
    public static func fold(_ text: String) -> String {
        let replaced = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
        return replaced.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .lowercased()
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// Canonical composition (NFC), how every user text is stored, so equal texts compare byte-equal in SQL.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// NFC, with surrounding white space removed and line ends unified.
    public static func clean(_ text: String) -> String {
        nfc(text).replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
