/// The request line "METHOD SP request-target SP HTTP-version", validated and split (RFC 9112 §3).
struct RequestLine {
    let method: HTTPMethod
    let version: HTTPVersion
    let target: String
    let path: String
    let rawPath: String
    let query: String?

    init(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        // One pass for control bytes first: a NUL or TAB anywhere in the line is refused outright.
        for byte in line where byte < ASCII.space || byte == 0x7F {
            throw .badRequest("control character in the request line")
        }
        guard let firstSpace = line.firstIndex(of: ASCII.space) else { throw .badRequest("malformed request line") }
        let afterMethod = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)...])
        guard let secondSpace = afterMethod.firstIndex(of: ASCII.space) else {
            throw .badRequest("malformed request line")
        }
        let methodBytes = UnsafeBufferPointer(rebasing: line[0..<firstSpace])
        let targetBytes = UnsafeBufferPointer(rebasing: afterMethod[0..<secondSpace])
        let versionBytes = UnsafeBufferPointer(rebasing: afterMethod[(secondSpace + 1)...])

        guard !methodBytes.isEmpty, methodBytes.allSatisfy(ASCII.isTokenCharacter) else {
            throw .badRequest("method is not a token")
        }
        guard !targetBytes.isEmpty, targetBytes.allSatisfy(ASCII.isTargetByte) else {
            throw .badRequest("malformed request-target")
        }
        version = try Self.parseVersion(versionBytes)
        // Methods are case-sensitive (RFC 9110 §9.1): "get" is a method we do not know, not GET.
        guard let method = HTTPMethod(rawValue: String(decoding: methodBytes, as: UTF8.self)) else {
            throw HTTPParseError(status: .notImplemented, reason: "unknown method")
        }
        self.method = method

        // Origin form only: absolute-form is for proxies, authority-form for CONNECT, and "*" (OPTIONS) is
        // not worth serving here.
        guard targetBytes[0] == ASCII.slash else { throw .badRequest("request-target is not an absolute path") }
        guard !targetBytes.contains(UInt8(ascii: "#")) else { throw .badRequest("fragment in request-target") }
        let questionMark = targetBytes.firstIndex(of: ASCII.questionMark) ?? targetBytes.count
        let rawPathBytes = UnsafeBufferPointer(rebasing: targetBytes[0..<questionMark])
        target = String(decoding: targetBytes, as: UTF8.self)
        rawPath = String(decoding: rawPathBytes, as: UTF8.self)
        query =
            questionMark < targetBytes.count
            ? String(decoding: targetBytes[(questionMark + 1)...], as: UTF8.self)
            : nil
        do {
            path = try PercentEncoding.decode(bytes: UnsafeRawBufferPointer(rawPathBytes))
        } catch {
            throw .badRequest("invalid percent-encoding in path: \(error)")
        }
        guard !path.utf8.contains(0) else { throw .badRequest("path decodes to a NUL byte") }
    }

    /// "HTTP/" DIGIT "." DIGIT; a well-formed version we do not speak is 505, anything else 400.
    private static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        guard bytes.count == 8, bytes[0..<5].elementsEqual("HTTP/".utf8), ASCII.isDigit(bytes[5]),
            bytes[6] == UInt8(ascii: "."), ASCII.isDigit(bytes[7])
        else { throw .badRequest("malformed HTTP version") }
        switch (bytes[5], bytes[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .http1_1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .http1_0
        default: throw HTTPParseError(status: .httpVersionNotSupported, reason: "HTTP version not supported")
        }
    }
}
