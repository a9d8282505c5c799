/// Percent-encoding (RFC 3986 §2.1) of UTF-8 text, for paths, query strings and form bodies.
public enum PercentEncoding {
    /// Decodes "%XX" escapes (and "+" as a space when `plusAsSpace`, as forms and query strings use it)
    /// and checks that the result is UTF-8.
    public static func decode(_ text: some StringProtocol, plusAsSpace: Bool = false) throws(PercentEncodingError)
        -> String
    {
        var text = String(text)
        // withUTF8 only rethrows untyped errors, so carry the typed one out in a Result.
        let result = text.withUTF8 { bytes in
            Result { () throws(PercentEncodingError) in
                try decode(bytes: UnsafeRawBufferPointer(bytes), plusAsSpace: plusAsSpace)
            }
        }
        return try result.get()
    }

    /// The same on raw bytes, so the request parser decodes without building an intermediate String.
    public static func decode(bytes: UnsafeRawBufferPointer, plusAsSpace: Bool = false) throws(PercentEncodingError)
        -> String
    {
        // Most names and many values have nothing to decode: validate the bytes as they are, without a copy.
        if !bytes.contains(where: { $0 == ASCII.percent || (plusAsSpace && $0 == ASCII.plus) }) {
            guard let string = validUTF8(bytes.assumingMemoryBound(to: UInt8.self)) else { throw .invalidUTF8 }
            return string
        }
        let decoded = try decodedBytes(bytes, plusAsSpace: plusAsSpace)
        guard let string = decoded.withUnsafeBufferPointer(validUTF8) else { throw .invalidUTF8 }
        return string
    }

    /// The bytes as a String if they are valid UTF-8, else nil. `String(decoding:)` takes the standard library's
    /// fast path for a contiguous buffer and repairs what is invalid; the text is valid exactly when nothing was
    /// repaired. (`String(validating:)` went through its generic path here: 2% of an answer's CPU, issue 18.)
    /// ASCII needs no comparison; otherwise the two buffers are compared as buffers (comparing through
    /// `String.UTF8View` was another 1% of an answer).
    static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        if isASCII(bytes) { return text }
        let unchanged = text.withUTF8 { decoded in decoded.count == bytes.count && decoded.elementsEqual(bytes) }
        return unchanged ? text : nil
    }

    /// Eight bytes at a time: names, codes and choice values are ASCII.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        var highBits: UInt64 = 0
        while index + 8 <= bytes.count {
            highBits |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            highBits |= UInt64(base[index])
            index += 1
        }
        return highBits & 0x8080_8080_8080_8080 == 0
    }

    static func decodedBytes(_ bytes: UnsafeRawBufferPointer, plusAsSpace: Bool) throws(PercentEncodingError) -> [UInt8]
    {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.percent {
                guard index + 2 < bytes.count,
                    let high = ASCII.hexValue(bytes[index + 1]), let low = ASCII.hexValue(bytes[index + 2])
                else { throw .invalidEscape(offset: index) }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(plusAsSpace && byte == ASCII.plus ? ASCII.space : byte)
                index += 1
            }
        }
        return output
    }

    /// Encodes every byte but the unreserved ones (letters, digits, "-._~"), so the result is safe in a
    /// query component or a single path segment. Spaces become "%20".
    public static func encode(_ text: some StringProtocol) -> String {
        encode(text, keeping: { _ in false })
    }

    /// Like `encode`, but keeps "/" so a whole path stays readable ("/bao-cao/Hà Nội" → "/bao-cao/H%C3%A0%20N%E1%BB%99i").
    public static func encodePath(_ path: some StringProtocol) -> String {
        encode(path, keeping: { $0 == ASCII.slash })
    }

    private static func encode(_ text: some StringProtocol, keeping extra: (UInt8) -> Bool) -> String {
        // Most values printed into links (ids, unit codes, tokens) need no escape: return them as they are.
        if text.utf8.allSatisfy({ ASCII.isUnreserved($0) || extra($0) }) { return String(text) }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if ASCII.isUnreserved(byte) || extra(byte) {
                output.append(byte)
            } else {
                output.append(ASCII.percent)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? ASCII.zero + nibble : UInt8(ascii: "A") + nibble - 10
    }
}
