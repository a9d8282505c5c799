/// Builds ASCII-heavy markup as UTF-8 bytes: appending bytes and decimal digits directly is several
/// times faster than string interpolation, which matters when a poster sheet renders hundreds of codes.
struct MarkupWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            // Widening first keeps Int.min from overflowing on negation.
            appendDigits(of: UInt(value.magnitude))
        } else {
            appendDigits(of: UInt(value))
        }
    }

    /// Appends text with the five XML special characters escaped, safe in content and in quoted attributes.
    mutating func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "'"): append("&#39;")
            // XML 1.0 forbids most control characters even as references; drop them rather than emit
            // a document no parser accepts. Tab, newline and carriage return are allowed.
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F: continue
            default: bytes.append(byte)
            }
        }
    }

    var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    private mutating func appendDigits(of value: UInt) {
        if value >= 10 { appendDigits(of: value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
