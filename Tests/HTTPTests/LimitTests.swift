import Testing

@testable import HTTP

/// Each limit exactly at its edge is accepted, and one byte (or field) over is refused with its status.
@Suite struct LimitTests {
    static func requestLine(length: Int) -> String {
        let fixed = "GET / HTTP/1.1".utf8.count
        return "GET /" + String(repeating: "a", count: length - fixed) + " HTTP/1.1"
    }

    @Test func requestLineAtAndOverTheLimit() {
        let limits = HTTPLimits(maxRequestLineBytes: 64)
        let atLimit = Self.requestLine(length: 64) + "\r\nHost: a\r\n\r\n"
        #expect(requests(in: parseAll(bytes(atLimit), limits: limits)).count == 1)
        let over = Self.requestLine(length: 65) + "\r\nHost: a\r\n\r\n"
        #expect(failure(in: parseAll(bytes(over), limits: limits))?.status == .uriTooLong)
    }

    @Test func longRequestLineIsRefusedBeforeItEnds() {
        var parser = HTTPRequestParser(limits: HTTPLimits(maxRequestLineBytes: 64))
        parser.append(bytes(Self.requestLine(length: 64)))
        parser.append(bytes("\r"))  // exactly at the limit, CR arrived, LF not yet: still fine
        guard case .needMoreData = parser.next() else {
            Issue.record("the line is still within the limit")
            return
        }

        var refusing = HTTPRequestParser(limits: HTTPLimits(maxRequestLineBytes: 64))
        refusing.append(bytes("GET /" + String(repeating: "a", count: 60)))  // 65 bytes, no line end yet
        guard case .failure(let error) = refusing.next() else {
            Issue.record("should refuse early")
            return
        }
        #expect(error.status == .uriTooLong)
    }

    @Test func headerBlockAtAndOverTheLimit() {
        // Field bytes count each field line with its CRLF: "Host: a\r\n" is 9, "X: ...\r\n" is 5 + filler.
        let limits = HTTPLimits(maxHeaderBytes: 100)
        let atLimit = "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 86) + "\r\n\r\n"
        #expect(requests(in: parseAll(bytes(atLimit), limits: limits)).count == 1)
        let over = "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 87) + "\r\n\r\n"
        #expect(failure(in: parseAll(bytes(over), limits: limits))?.status == .requestHeaderFieldsTooLarge)
    }

    @Test func oversizedFieldLineIsRefusedBeforeItEnds() {
        var parser = HTTPRequestParser(limits: HTTPLimits(maxHeaderBytes: 100))
        parser.append(bytes("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 200)))
        guard case .failure(let error) = parser.next() else {
            Issue.record("should refuse early")
            return
        }
        #expect(error.status == .requestHeaderFieldsTooLarge)
    }

    @Test func fieldCountAtAndOverTheLimit() {
        let limits = HTTPLimits(maxHeaderCount: 3)
        let atLimit = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n"
        #expect(requests(in: parseAll(bytes(atLimit), limits: limits)).count == 1)
        let over = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        #expect(failure(in: parseAll(bytes(over), limits: limits))?.status == .requestHeaderFieldsTooLarge)
    }

    @Test func bodyAtAndOverTheLimit() {
        let limits = HTTPLimits(maxBodyBytes: 10)
        let atLimit = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789"
        #expect(requests(in: parseAll(bytes(atLimit), limits: limits)).first?.body.count == 10)
        // Refused right after the head: no body byte has been sent.
        let over = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n"
        #expect(failure(in: parseAll(bytes(over), limits: limits))?.status == .contentTooLarge)
    }
}
