/// Parses one complete request head (request line, field lines, final CRLF) into a request without its body,
/// and decides the body length. Every refusal here is a rule of RFC 9112 or RFC 9110.
enum HTTPRequestHeadParser {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func parse(_ head: Bytes, requestLineLength: Int, limits: HTTPLimits) -> Result<
        (HTTPRequest, Int), HTTPParseError
    > {
        do {
            let line = try RequestLine(Bytes(rebasing: head[0..<requestLineLength]))
            var fields = FieldSummary()
            var headers = HTTPHeaders()
            var lineStart = requestLineLength + 2
            // The head ends with an empty line, so every field line is followed by CRLF inside `head`.
            while lineStart < head.count - 2 {
                var lineEnd = lineStart
                while head[lineEnd] != ASCII.carriageReturn || head[lineEnd + 1] != ASCII.lineFeed { lineEnd += 1 }
                let (name, value) = try parseFieldLine(Bytes(rebasing: head[lineStart..<lineEnd]), into: &fields)
                headers.add(name, value)
                lineStart = lineEnd + 2
            }
            let contentLength = try bodyLength(
                method: line.method, version: line.version, fields: fields,
                maxBodyBytes: limits.maxBodyBytes(method: line.method, rawPath: line.rawPath))
            let request = HTTPRequest(
                method: line.method, target: line.target, path: line.path, rawPath: line.rawPath,
                query: line.query, version: line.version, headers: headers
            )
            return .success((request, contentLength))
        } catch {
            return .failure(error)
        }
    }

    /// What the framing rules need to know about the fields, gathered in one pass.
    struct FieldSummary {
        var hostCount = 0
        var contentLength: Int?
        var hasTransferEncoding = false
    }

    static func parseFieldLine(_ line: Bytes, into fields: inout FieldSummary) throws(HTTPParseError) -> (
        String, String
    ) {
        guard let first = line.first, !ASCII.isWhitespace(first) else {
            throw .badRequest("obsolete line folding (a field line starts with whitespace)")
        }
        guard let colon = line.firstIndex(of: ASCII.colon) else { throw .badRequest("field line without a colon") }
        let name = Bytes(rebasing: line[0..<colon])
        guard !name.isEmpty else { throw .badRequest("empty field name") }
        for byte in name where !ASCII.isTokenCharacter(byte) {
            throw .badRequest(
                ASCII.isWhitespace(byte) ? "whitespace between field name and colon" : "invalid character in field name"
            )
        }
        var valueStart = colon + 1
        var valueEnd = line.count
        while valueStart < valueEnd && ASCII.isWhitespace(line[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart && ASCII.isWhitespace(line[valueEnd - 1]) { valueEnd -= 1 }
        let value = Bytes(rebasing: line[valueStart..<valueEnd])
        for byte in value where !ASCII.isFieldValueByte(byte) {
            throw .badRequest("control character in a field value")
        }

        if equalsIgnoringCase(name, "host") {
            fields.hostCount += 1
        } else if equalsIgnoringCase(name, "content-length") {
            let length = try parseContentLength(value)
            if let earlier = fields.contentLength, earlier != length {
                throw .badRequest("conflicting Content-Length values")
            }
            fields.contentLength = length
        } else if equalsIgnoringCase(name, "transfer-encoding") {
            fields.hasTransferEncoding = true
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// A Content-Length value: digits, or a comma-separated list of identical digit strings (RFC 9112 §6.3
    /// lets a recipient accept "42, 42" as 42; anything else is a framing error).
    static func parseContentLength(_ value: Bytes) throws(HTTPParseError) -> Int {
        var result: Int?
        for element in value.split(separator: ASCII.comma, omittingEmptySubsequences: false) {
            var digits = Bytes(rebasing: element)[...]
            while let first = digits.first, ASCII.isWhitespace(first) { digits = digits.dropFirst() }
            while let last = digits.last, ASCII.isWhitespace(last) { digits = digits.dropLast() }
            guard !digits.isEmpty else { throw .badRequest("empty Content-Length") }
            var number = 0
            for byte in digits {
                guard ASCII.isDigit(byte) else { throw .badRequest("Content-Length is not a non-negative integer") }
                let (shifted, overflowA) = number.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = shifted.addingReportingOverflow(Int(byte - ASCII.zero))
                guard !overflowA, !overflowB else { throw .badRequest("Content-Length overflows") }
                number = sum
            }
            if let result, result != number { throw .badRequest("conflicting Content-Length values") }
            result = number
        }
        guard let result else { throw .badRequest("empty Content-Length") }
        return result
    }

    static func bodyLength(method: HTTPMethod, version: HTTPVersion, fields: FieldSummary, maxBodyBytes: Int)
        throws(HTTPParseError) -> Int
    {
        switch (version, fields.hostCount) {
        case (.http1_1, 0): throw .badRequest("HTTP/1.1 request without Host")
        case (_, 2...): throw .badRequest("more than one Host field")
        default: break
        }
        if fields.hasTransferEncoding {
            // Both framings at once is the classic request-smuggling shape; chunked uploads alone we do not serve.
            if fields.contentLength != nil { throw .badRequest("both Transfer-Encoding and Content-Length") }
            throw HTTPParseError(status: .notImplemented, reason: "Transfer-Encoding request bodies are not supported")
        }
        guard let length = fields.contentLength else {
            if method.requiresContentLength {
                throw HTTPParseError(status: .lengthRequired, reason: "\(method.rawValue) without Content-Length")
            }
            return 0
        }
        guard length <= maxBodyBytes else {
            throw HTTPParseError(status: .contentTooLarge, reason: "Content-Length \(length) over \(maxBodyBytes)")
        }
        return length
    }

    static func equalsIgnoringCase(_ bytes: Bytes, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for (byte, wanted) in zip(bytes, expected) where byte | 0x20 != wanted {
            return false
        }
        return true
    }
}
