/// One part's header block (RFC 7578 §4): its fields, and what its Content-Disposition and Content-Type say.
public struct MultipartPartHead: Sendable, Hashable {
    public let headers: HTTPHeaders
    /// The form field name (`name` parameter), required by RFC 7578 §4.2.
    public let name: String
    /// The client's file name (`filename*` preferred over `filename`), as sent: untrusted data, never a path.
    public let filename: String?
    /// The declared media type of the part, untrusted (uploads decide by content).
    public let contentType: String?

    /// A part with a filename is a file; the others are plain fields.
    public var isFile: Bool { filename != nil }

    public init(headers: HTTPHeaders) throws(MultipartError) {
        let dispositions = headers.values(named: "Content-Disposition")
        guard dispositions.count == 1, let disposition = dispositions.first else {
            throw .malformed(
                dispositions.isEmpty ? "part without Content-Disposition" : "part with several Content-Disposition")
        }
        let parsed = try HeaderParameters(Array(disposition.utf8))
        guard parsed.value.lowercased() == "form-data" else { throw .malformed("part disposition is not form-data") }
        guard let name = parsed["name"] else { throw .malformed("part without a name") }
        self.headers = headers
        self.name = Self.undoFormEscapes(name)
        if let extended = parsed["filename*"] {
            filename = try Self.decodeExtendedValue(extended)
        } else {
            filename = parsed["filename"].map(Self.undoFormEscapes)
        }
        let types = headers.values(named: "Content-Type")
        guard types.count <= 1 else { throw .malformed("part with several Content-Type") }
        contentType = types.first
    }

    /// Browsers escape `"`, CR and LF in names and file names as %22, %0D, %0A (WHATWG HTML, multipart/form-data
    /// encoding); other percent signs are literal.
    static func undoFormEscapes(_ value: String) -> String {
        let bytes = Array(value.utf8)
        guard bytes.contains(ASCII.percent) else { return value }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.percent, index + 2 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "2") || bytes[index + 1] == UInt8(ascii: "0")
            {
                let escape = (bytes[index + 1], bytes[index + 2] | 0x20)
                let decoded: UInt8? =
                    switch escape {
                    case (UInt8(ascii: "2"), UInt8(ascii: "2")): UInt8(ascii: "\"")
                    case (UInt8(ascii: "0"), UInt8(ascii: "d")): ASCII.carriageReturn
                    case (UInt8(ascii: "0"), UInt8(ascii: "a")): ASCII.lineFeed
                    default: nil
                    }
                if let decoded {
                    output.append(decoded)
                    index += 3
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// An RFC 8187 (formerly 5987) ext-value: `charset'[language]'pct-encoded`, UTF-8 or ISO-8859-1.
    static func decodeExtendedValue(_ value: String) throws(MultipartError) -> String {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { throw .malformed("filename* is not charset'language'value") }
        let charset = pieces[0].lowercased()
        var bytes: [UInt8] = []
        let encoded = Array(pieces[2].utf8)
        var index = 0
        while index < encoded.count {
            let byte = encoded[index]
            if byte == ASCII.percent {
                guard index + 2 < encoded.count, let high = ASCII.hexValue(encoded[index + 1]),
                    let low = ASCII.hexValue(encoded[index + 2])
                else { throw .malformed("bad percent escape in filename*") }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        switch charset {
        case "utf-8":
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .malformed("filename* is not valid UTF-8")
            }
            return text
        case "iso-8859-1":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        default:
            throw .malformed("filename* charset is neither UTF-8 nor ISO-8859-1")
        }
    }
}
