/// The boundary of a `multipart/form-data` body, taken from the request's Content-Type (RFC 7578 §4.1,
/// RFC 2046 §5.1.1: 1 to 70 characters from a restricted set, not ending in a space).
public enum MultipartBoundary {
    /// The boundary, or 415 when the body is not multipart/form-data and 400 when the boundary is missing or
    /// invalid.
    public static func parse(contentType: String) throws(MultipartError) -> String {
        let parsed: HeaderParameters
        do {
            parsed = try HeaderParameters(Array(contentType.utf8))
        } catch {
            throw .malformed("Content-Type: \(error.reason)")
        }
        guard parsed.value.lowercased() == "multipart/form-data" else {
            throw MultipartError(status: .unsupportedMediaType, reason: "body is not multipart/form-data")
        }
        guard let boundary = parsed["boundary"] else { throw .malformed("multipart Content-Type without boundary") }
        try validate(boundary)
        return boundary
    }

    public static func validate(_ boundary: String) throws(MultipartError) {
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count) else { throw .malformed("boundary is not 1 to 70 characters") }
        guard bytes.allSatisfy(isBoundaryCharacter), bytes.last != ASCII.space else {
            throw .malformed("boundary has a character RFC 2046 does not allow")
        }
    }

    /// bchars: DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" / "." / "/" / ":" / "=" / "?" / SP.
    static func isBoundaryCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"), UInt8(ascii: "_"),
            UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"),
            UInt8(ascii: "="), UInt8(ascii: "?"), ASCII.space:
            true
        default: false
        }
    }
}
