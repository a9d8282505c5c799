import Testing

@testable import HTTP

/// Raw bytes → the status the parser must refuse them with. Each line is one rule of RFC 9112 / RFC 9110.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let status: Int

    init(_ name: String, _ text: String, _ status: Int) {
        self.name = name
        self.bytes = Array(text.utf8)
        self.status = status
    }

    init(_ name: String, raw: [UInt8], _ status: Int) {
        self.name = name
        self.bytes = raw
        self.status = status
    }

    var testDescription: String { name }
}

let malformedCorpus: [MalformedCase] = [
    MalformedCase(
        "two different Content-Length",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
    MalformedCase(
        "Content-Length list that disagrees", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabcd", 400),
    MalformedCase("negative Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
    MalformedCase("non-numeric Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: ten\r\n\r\n", 400),
    MalformedCase("Content-Length with a plus sign", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n", 400),
    MalformedCase("empty Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n", 400),
    MalformedCase(
        "overflowing Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n",
        400),
    MalformedCase(
        "Transfer-Encoding and Content-Length",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", 400),
    MalformedCase(
        "chunked body", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501),
    MalformedCase("gzip transfer coding", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
    MalformedCase("whitespace before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
    MalformedCase("tab before colon", "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", 400),
    MalformedCase("obsolete line folding", "GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n", 400),
    MalformedCase("folding with a tab", "GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n\ttwo\r\n\r\n", 400),
    MalformedCase("bare LF everywhere", "GET / HTTP/1.1\nHost: a\n\n", 400),
    MalformedCase("bare LF after a field", "GET / HTTP/1.1\r\nHost: a\n\r\n", 400),
    MalformedCase("bare CR in a field value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", 400),
    MalformedCase("NUL in a field value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", 400),
    MalformedCase("DEL in a field value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{7F}b\r\n\r\n", 400),
    MalformedCase("escape byte in a field value", "GET / HTTP/1.1\r\nHost: a\r\nX: \u{1B}[31m\r\n\r\n", 400),
    MalformedCase("NUL in the request line", "GET /\u{0} HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("tab in the request line", "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("invalid field-name character", "GET / HTTP/1.1\r\nHost: a\r\nX(y): 1\r\n\r\n", 400),
    MalformedCase("field line without a colon", "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400),
    MalformedCase("empty field name", "GET / HTTP/1.1\r\nHost: a\r\n: value\r\n\r\n", 400),
    MalformedCase("HTTP/1.1 without Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400),
    MalformedCase("two Host fields", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
    MalformedCase("two Host fields in HTTP/1.0", "GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n", 400),
    MalformedCase("POST without Content-Length", "POST /phieu HTTP/1.1\r\nHost: a\r\n\r\n", 411),
    MalformedCase("PUT without Content-Length", "PUT /x HTTP/1.1\r\nHost: a\r\n\r\n", 411),
    MalformedCase("PATCH without Content-Length", "PATCH /x HTTP/1.1\r\nHost: a\r\n\r\n", 411),
    MalformedCase("unknown method", "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", 501),
    MalformedCase("lowercase method", "get / HTTP/1.1\r\nHost: a\r\n\r\n", 501),
    MalformedCase("method with a non-token character", "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
    MalformedCase("HTTP/0.9", "GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505),
    MalformedCase("HTTP/1.2", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505),
    MalformedCase("garbage version", "GET / HTTX/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("lowercase version", "GET / http/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("two-digit version", "GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400),
    MalformedCase("missing version", "GET /\r\nHost: a\r\n\r\n", 400),
    MalformedCase("double space in request line", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("trailing space in request line", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400),
    MalformedCase("absolute-form target", "GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("asterisk-form target", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("relative target", "GET index.html HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("fragment in target", "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("invalid percent escape", "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("truncated percent escape", "GET /a%4 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("percent at the end", "GET /a% HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("percent-encoded invalid UTF-8", "GET /%C3%28 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("percent-encoded overlong slash", "GET /%C0%AF HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("percent-encoded NUL", "GET /a%00b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase("raw UTF-8 in target", "GET /hài-lòng HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    MalformedCase(
        "oversize request line", "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414),
    MalformedCase(
        "oversize header block", "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 17000) + "\r\n\r\n",
        431),
    MalformedCase(
        "too many fields", "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X: 1\r\n", count: 100) + "\r\n", 431),
    MalformedCase("oversize body", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n", 413),
    MalformedCase(
        "invalid UTF-8 as raw bytes in the target",
        raw: Array("GET /".utf8) + [0xC3, 0x28] + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8), 400),
]

@Suite struct MalformedRequestTests {
    @Test("malformed request is refused", arguments: malformedCorpus)
    func refused(_ sample: MalformedCase) {
        let results = parseAll(sample.bytes)
        #expect(requests(in: results).isEmpty)
        #expect(failure(in: results)?.status.code == sample.status)
        // Byte by byte it fails the same way.
        let dripped = parseAll(sample.bytes, splitAt: Array(1..<sample.bytes.count))
        #expect(failure(in: dripped)?.status.code == sample.status)
    }

    @Test func corpusIsLargeEnough() {
        #expect(malformedCorpus.count >= 30)
    }

    @Test(
        "dot segments and encoded slashes are decoded, not refused",
        arguments: [
            ("/a/../b", "/a/../b"), ("/%2e%2e/etc", "/../etc"), ("/a%2Fb", "/a/b"), ("/%2E%2E%2F", "/../"),
            ("/H%C3%A0i%20l%C3%B2ng", "/Hài lòng"),
        ])
    func traversalShapesAreDecoded(raw: String, decoded: String) throws {
        let results = parseAll(bytes("GET \(raw)?q=%zz HTTP/1.1\r\nHost: a\r\n\r\n"))
        let request = try #require(requests(in: results).first)
        #expect(request.path == decoded)
        #expect(request.rawPath == raw)
        #expect(request.query == "q=%zz")  // the query is kept raw; its decoding is the form layer's business
    }
}
