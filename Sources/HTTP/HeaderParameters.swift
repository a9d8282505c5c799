/// A header value of the shape `value *( OWS ";" OWS name "=" ( token / quoted-string ) )` — Content-Type
/// (RFC 9110 §5.6.6) and Content-Disposition (RFC 6266). Parameter names are lowercased; a repeated parameter
/// is refused, since two readers taking different copies is how filters get bypassed.
struct HeaderParameters {
    let value: String
    private(set) var parameters: [(name: String, value: String)] = []

    subscript(name: String) -> String? { parameters.first { $0.name == name }?.value }

    init(_ bytes: [UInt8]) throws(MultipartError) {
        var index = 0
        Self.skipWhitespace(bytes, &index)
        let valueStart = index
        while index < bytes.count && bytes[index] != UInt8(ascii: ";") && !ASCII.isWhitespace(bytes[index]) {
            index += 1
        }
        value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
        guard !value.isEmpty else { throw .malformed("empty header value") }
        while true {
            Self.skipWhitespace(bytes, &index)
            guard index < bytes.count else { break }
            guard bytes[index] == UInt8(ascii: ";") else { throw .malformed("junk after a header parameter") }
            index += 1
            Self.skipWhitespace(bytes, &index)
            guard index < bytes.count else { break }  // a trailing ";" is harmless
            let nameStart = index
            while index < bytes.count && ASCII.isTokenCharacter(bytes[index]) { index += 1 }
            guard index > nameStart else { throw .malformed("header parameter without a name") }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            Self.skipWhitespace(bytes, &index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw .malformed("header parameter without a value")
            }
            index += 1
            Self.skipWhitespace(bytes, &index)
            let parameterValue: String
            if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                parameterValue = try Self.quotedString(bytes, &index)
            } else {
                let start = index
                // Tokens, plus the raw UTF-8 some clients put in unquoted file names.
                while index < bytes.count && (ASCII.isTokenCharacter(bytes[index]) || bytes[index] >= 0x80) {
                    index += 1
                }
                guard index > start else { throw .malformed("header parameter value is empty or not a token") }
                parameterValue = String(decoding: bytes[start..<index], as: UTF8.self)
            }
            guard self[name] == nil else { throw .malformed("repeated header parameter \(name)") }
            parameters.append((name, parameterValue))
        }
    }

    private static func skipWhitespace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count && ASCII.isWhitespace(bytes[index]) { index += 1 }
    }

    /// A quoted-string from its opening quote. A backslash escapes only `"` and `\`; before anything else it is
    /// kept, because browsers send Windows paths (`C:\Users\...`) unescaped in file names.
    private static func quotedString(_ bytes: [UInt8], _ index: inout Int) throws(MultipartError) -> String {
        index += 1
        var output: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\")
            {
                output.append(bytes[index + 1])
                index += 2
                continue
            }
            output.append(byte)
            index += 1
        }
        throw .malformed("unterminated quoted string")
    }
}
