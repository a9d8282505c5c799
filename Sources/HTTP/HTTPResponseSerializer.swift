/// Writes a response as HTTP/1.1 bytes. The server owns the framing fields: `Date`, `Content-Length` and
/// `Connection` are written here from its decisions, and a handler's own copies of them (or a
/// `Transfer-Encoding`) are dropped so a response can never be framed two ways.
public enum HTTPResponseSerializer {
    /// Appends the response to `buffer` (which the caller reuses between responses).
    /// - Parameters:
    ///   - date: the IMF-fixdate for `Date`, cached per second by the caller.
    ///   - keepAlive: whether the connection stays open; written as `Connection: keep-alive` or `close`.
    ///   - isHeadRequest: answer to HEAD: the same fields, `Content-Length` included, but no body.
    public static func serialize(
        _ response: HTTPResponse,
        date: String,
        keepAlive: Bool,
        isHeadRequest: Bool = false,
        into buffer: inout [UInt8]
    ) {
        let status = response.status
        // 1xx and 204 have no body and no Content-Length; 304 has no body and we send no length for it.
        let forbidsBody = status.code < 200 || status.code == 204 || status.code == 304
        let sendsBody = !forbidsBody && !isHeadRequest
        let bodyCount = response.body.count

        let names = response.headers.names
        let values = response.headers.values
        var estimate = 128 + date.utf8.count + (sendsBody ? bodyCount : 0)
        for index in names.indices { estimate += names[index].utf8.count + values[index].utf8.count + 4 }
        buffer.reserveCapacity(buffer.count + estimate)

        buffer.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status.code, to: &buffer)
        buffer.append(ASCII.space)
        appendSanitized(status.reason, to: &buffer)
        appendLineEnd(to: &buffer)

        for index in names.indices where isHandlerField(names[index]) {
            buffer.append(contentsOf: names[index].utf8)
            buffer.append(ASCII.colon)
            buffer.append(ASCII.space)
            appendSanitized(values[index], to: &buffer)
            appendLineEnd(to: &buffer)
        }

        buffer.append(contentsOf: "Date: ".utf8)
        buffer.append(contentsOf: date.utf8)
        appendLineEnd(to: &buffer)
        if !forbidsBody {
            buffer.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(bodyCount, to: &buffer)
            appendLineEnd(to: &buffer)
        }
        buffer.append(contentsOf: keepAlive ? "Connection: keep-alive".utf8 : "Connection: close".utf8)
        appendLineEnd(to: &buffer)
        appendLineEnd(to: &buffer)
        if sendsBody { buffer.append(contentsOf: response.body) }
    }

    /// The response as a new byte array (for tests and canned responses).
    public static func serialized(_ response: HTTPResponse, date: String, keepAlive: Bool, isHeadRequest: Bool = false)
        -> [UInt8]
    {
        var buffer: [UInt8] = []
        serialize(response, date: date, keepAlive: keepAlive, isHeadRequest: isHeadRequest, into: &buffer)
        return buffer
    }

    /// Fields a handler may set: valid names that are not the server's framing fields.
    private static func isHandlerField(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.allSatisfy(ASCII.isTokenCharacter) else { return false }
        // Every response carries about ten fields: compare names only with the reserved one of the same length.
        let reserved: String
        switch name.utf8.count {
        case 4: reserved = "Date"
        case 10: reserved = "Connection"
        case 14: reserved = "Content-Length"
        case 17: reserved = "Transfer-Encoding"
        default: return true
        }
        return !HTTPHeaders.equalNames(name, reserved)
    }

    /// Control bytes in a value (CR and LF above all) would let a value smuggle in extra fields or a body;
    /// each becomes a space. Nearly every value is clean, so one tight scan of its bytes decides, then one copy.
    private static func appendSanitized(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var clean = true
            for byte in bytes where (byte < 0x20 && byte != ASCII.tab) || byte == 0x7F {
                clean = false
                break
            }
            if clean {
                buffer.append(contentsOf: bytes)
            } else {
                for byte in bytes { buffer.append(ASCII.isFieldValueByte(byte) ? byte : ASCII.space) }
            }
        }
    }

    private static func appendLineEnd(to buffer: inout [UInt8]) {
        buffer.append(ASCII.carriageReturn)
        buffer.append(ASCII.lineFeed)
    }

    static func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        guard value > 0 else {
            buffer.append(ASCII.zero)
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { storage in
            while remaining > 0 {
                storage[count] = ASCII.zero + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(storage[index]) }
        }
    }
}
