/// Decoding of `application/x-www-form-urlencoded` text and of percent-encoded path segments.
/// (Internal stand-in until the HTTP module offers one; the two can then be merged.)
enum FormDecoding {
    /// Why a piece of encoded text was refused.
    enum Failure: Error, Equatable {
        /// A `%` not followed by two hexadecimal digits.
        case badPercentEscape
        /// The decoded bytes are not valid UTF-8.
        case invalidUTF8
    }

    /// Splits `name=value&name=value` into decoded pairs, in order. Empty pieces (`a=1&&b=2`) are skipped; a
    /// piece without `=` is a name with an empty value, as browsers treat it.
    static func pairs(_ encoded: some Collection<UInt8>) throws(Failure) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        for piece in encoded.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let name: String
            let value: String
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                name = try decode(piece[..<equals], plusIsSpace: true)
                value = try decode(piece[piece.index(after: equals)...], plusIsSpace: true)
            } else {
                name = try decode(piece, plusIsSpace: true)
                value = ""
            }
            result.append((name, value))
        }
        return result
    }

    /// Percent-decodes `encoded` as UTF-8. `+` becomes a space only in form data, never in a path.
    static func decode(_ encoded: some Collection<UInt8>, plusIsSpace: Bool) throws(Failure) -> String {
        // Most pieces need no decoding at all; skip the byte buffer for them.
        if !encoded.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) {
            guard let text = String(validating: encoded, as: UTF8.self) else { throw .invalidUTF8 }
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index != encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "%") {
                let high = encoded.index(after: index)
                guard high != encoded.endIndex else { throw .badPercentEscape }
                let low = encoded.index(after: high)
                guard low != encoded.endIndex,
                    let highValue = hexValue(encoded[high]), let lowValue = hexValue(encoded[low])
                else { throw .badPercentEscape }
                bytes.append(highValue << 4 | lowValue)
                index = encoded.index(after: low)
            } else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index = encoded.index(after: index)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
