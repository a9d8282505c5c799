import Foundation

/// The name a client gave its file, kept as data and made harmless to show and to offer back on download: only
/// its last path component (after `/` or `\`), no control or bidi-override characters (which can make
/// "gpj.exe" read as "exe.jpg"), no leading dots, NFC (macOS sends decomposed Vietnamese), at most `maxBytes`
/// bytes of UTF-8 with the extension kept. It is never used as a filesystem path: files are stored by hash.
public struct StoredFileName: Sendable, Hashable, CustomStringConvertible {
    public static let maxBytes = 180
    /// Said when nothing usable is left of the original name.
    public static let fallback = "tài liệu"

    public let value: String

    public init(original: String) {
        let lastComponent = original.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in lastComponent.unicodeScalars where !Self.isUnsafe(scalar) {
            scalars.append(scalar)
        }
        var name = String(scalars).precomposedStringWithCanonicalMapping
        name = name.trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") || name.hasPrefix(" ") { name.removeFirst() }
        name = Self.truncated(name, toBytes: Self.maxBytes)
        value = name.isEmpty ? Self.fallback : name
    }

    public var description: String { value }

    /// A `Content-Disposition: attachment` value for this name (RFC 6266): an ASCII fallback in `filename`
    /// for old clients, the exact UTF-8 name in `filename*`.
    public var attachmentDisposition: String {
        let ascii = String(
            value.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && scalar != "\"" && scalar != "\\" && scalar != "%" ? Character(scalar) : "_"
            })
        var encoded = ""
        for byte in value.utf8 {
            let isPlain =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_")].contains(byte)
            encoded += isPlain ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    /// Controls (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width marks) and line or
    /// paragraph separators.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }

    /// Cuts the name to `limit` UTF-8 bytes on a character boundary, keeping a short extension.
    static func truncated(_ name: String, toBytes limit: Int) -> String {
        guard name.utf8.count > limit else { return name }
        var suffix = ""
        if let dot = name.lastIndex(of: "."), name.utf8.distance(from: dot, to: name.endIndex) <= 16 {
            suffix = String(name[dot...])
        }
        let stemLimit = limit - suffix.utf8.count
        var stem = ""
        var stemBytes = 0
        for character in name.dropLast(suffix.count) {
            let size = character.utf8.count
            guard stemBytes + size <= stemLimit else { break }
            stem.append(character)
            stemBytes += size
        }
        return stem + suffix
    }
}
