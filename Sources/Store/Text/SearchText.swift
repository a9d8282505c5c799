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
    ///
    /// The standard library's own normalizer: Foundation's `precomposedStringWithCanonicalMapping` goes through
    /// NSString and cost about 7 % of the server's CPU time per submitted answer with one free-text field.
    /// `_nfcCodeUnits` is public API of the standard library despite its underscore (it backs String comparison).
    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// NFC, with surrounding white space removed and line ends unified (CR LF becomes LF).
    /// Every free-text answer passes here; a text that is already clean (most are) is returned without a copy.
    public static func clean(_ text: String) -> String {
        let normalized = nfc(text)
        let unified =
            normalized.utf8.contains(UInt8(ascii: "\r")) ? unifyingLineEnds(normalized) : normalized
        let scalars = unified.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpaceOrLineEnd($0) }),
            let last = scalars.lastIndex(where: { !isSpaceOrLineEnd($0) })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return unified }
        return String(scalars[first...last])
    }

    /// CR LF becomes LF.
    private static func unifyingLineEnds(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCarriageReturn = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), previousWasCarriageReturn { bytes.removeLast() }
            bytes.append(byte)
            previousWasCarriageReturn = byte == UInt8(ascii: "\r")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Exactly Foundation's `whitespacesAndNewlines` on Linux: Unicode's space separators, tab, the line ends
    /// U+000A–U+000D, U+0085, U+2028 and U+2029, and the zero-width space U+200B.
    private static func isSpaceOrLineEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x200B, 0x2028, 0x2029: return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }
}
