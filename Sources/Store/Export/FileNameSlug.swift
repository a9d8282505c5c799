/// A part of an export's file name in its two spellings: `ascii` ("khao-sat-quy-4": lowercase, diacritics
/// stripped, "đ" as "d", words joined by "-") and `full` ("khảo-sát-quý-4": the same words as written, lowercased).
package struct Slug: Sendable, Hashable {
    package let ascii: String
    package let full: String

    package init(ascii: String, full: String) {
        self.ascii = ascii
        self.full = full
    }

    /// The words of `text` (runs of letters and digits; anything else separates), as many as fit in `limit` ASCII
    /// characters, a first word equal to `dropping` left out; nil when no word has an ASCII spelling (a title of
    /// punctuation, or of another script).
    package init?(_ text: String, limit: Int, dropping first: String? = nil) {
        var words: [(ascii: String, full: String)] = []
        for word in SearchText.nfc(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let folded = String(SearchText.fold(String(word)).unicodeScalars.filter(Self.isPlain).map(Character.init))
            guard !folded.isEmpty else { continue }
            if words.isEmpty, let first, folded == SearchText.fold(first) { continue }
            words.append((folded, word.lowercased()))
        }
        var ascii: [String] = []
        var full: [String] = []
        var length = -1
        for word in words {
            guard length + 1 + word.ascii.count <= limit else {
                // One word longer than the whole limit: cut it rather than leave the part empty.
                if ascii.isEmpty {
                    ascii.append(String(word.ascii.prefix(limit)))
                    full.append(String(word.full.prefix(limit)))
                }
                break
            }
            ascii.append(word.ascii)
            full.append(word.full)
            length += 1 + word.ascii.count
        }
        guard !ascii.isEmpty else { return nil }
        self.ascii = ascii.joined(separator: "-")
        self.full = full.joined(separator: "-")
    }

    /// Both spellings followed by another part's, with "-" between.
    package func appending(_ other: Slug?) -> Slug {
        guard let other else { return self }
        return Slug(ascii: ascii + "-" + other.ascii, full: full + "-" + other.full)
    }

    /// A code as it may stand in a file name: its ASCII letters and digits only ("07200", "PKS02").
    package static func code(_ text: String) -> String {
        String(text.unicodeScalars.filter { isPlain($0) || ("A"..."Z").contains($0) }.map(Character.init))
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
