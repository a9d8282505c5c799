import Testing

@testable import HTTP

@Suite struct RequestParserTests {
    static let validRequests: [String] = [
        "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n",
        "GET /bao-cao/kh%E1%BA%A3o-s%C3%A1t?x=1&y=%20z HTTP/1.1\r\nHost: a\r\nAccept: text/html\r\nCookie: s=abc\r\n\r\n",
        "POST /phieu HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 27\r\n\r\nmuc=H%C3%A0i+l%C3%B2ng&x=1&",
        "HEAD /static/app.css HTTP/1.0\r\n\r\n",
        "PUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
        "DELETE /a/../b HTTP/1.1\r\nHost:a\r\nX-Empty:\r\nX-Spaces: \t value with  spaces \t\r\n\r\n",
    ]

    @Test("every valid request split at every byte boundary parses the same", arguments: validRequests)
    func splitAtEveryBoundary(text: String) throws {
        let whole = parseAll(bytes(text))
        let expected = try #require(requests(in: whole).first)
        #expect(whole.count == 1)
        for split in 0...text.utf8.count {
            let results = parseAll(bytes(text), splitAt: [split])
            let parsed = requests(in: results)
            #expect(parsed.count == 1, "split at \(split)")
            if let first = parsed.first {
                #expect(RequestDigest(first) == RequestDigest(expected), "split at \(split)")
            }
        }
        // And one byte at a time.
        let drip = requests(in: parseAll(bytes(text), splitAt: Array(1..<text.utf8.count)))
        #expect(drip.map(RequestDigest.init) == [RequestDigest(expected)])
    }

    @Test func fieldsOfAParsedRequest() throws {
        let request = try #require(requests(in: parseAll(bytes(Self.validRequests[1]))).first)
        #expect(request.method == .get)
        #expect(request.target == "/bao-cao/kh%E1%BA%A3o-s%C3%A1t?x=1&y=%20z")
        #expect(request.path == "/bao-cao/khảo-sát")
        #expect(request.rawPath == "/bao-cao/kh%E1%BA%A3o-s%C3%A1t")
        #expect(request.query == "x=1&y=%20z")
        #expect(request.version == .http1_1)
        #expect(request.headers["accept"] == "text/html")
        #expect(request.headers["COOKIE"] == "s=abc")
        #expect(request.body.isEmpty)

        let post = try #require(requests(in: parseAll(bytes(Self.validRequests[2]))).first)
        #expect(post.method == .post)
        #expect(String(decoding: post.body, as: UTF8.self) == "muc=H%C3%A0i+l%C3%B2ng&x=1&")
        #expect(post.query == nil)

        let spaced = try #require(requests(in: parseAll(bytes(Self.validRequests[5]))).first)
        #expect(spaced.headers["X-Empty"] == "")
        #expect(spaced.headers["X-Spaces"] == "value with  spaces")
        #expect(spaced.path == "/a/../b")
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let text =
            "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
            + "GET /3 HTTP/1.1\r\nHost: a\r\n\r\n"
        for split in [0, 10, 27, 28, 60, 80, text.utf8.count] {
            let parsed = requests(in: parseAll(bytes(text), splitAt: [split]))
            #expect(parsed.map(\.path) == ["/1", "/2", "/3"], "split at \(split)")
            #expect(parsed.count == 3 && parsed[1].body == bytes("hello"))
        }
    }

    @Test func leftoverBytesStayBufferedUntilAsked() {
        var parser = HTTPRequestParser()
        parser.append(bytes("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HT"))
        guard case .request(let first) = parser.next() else {
            Issue.record("no first request")
            return
        }
        #expect(first.path == "/1")
        #expect(parser.hasPartialRequest)
        #expect(!parser.isReadingBody)
        guard case .needMoreData = parser.next() else {
            Issue.record("second request should be incomplete")
            return
        }
        parser.append(bytes("TP/1.1\r\nHost: a\r\n\r\n"))
        guard case .request(let second) = parser.next() else {
            Issue.record("no second request")
            return
        }
        #expect(second.path == "/2")
        #expect(!parser.hasPartialRequest)
    }

    @Test func readingBodyIsReported() {
        var parser = HTTPRequestParser()
        parser.append(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nab"))
        guard case .needMoreData = parser.next() else {
            Issue.record("body is incomplete")
            return
        }
        #expect(parser.isReadingBody)
        #expect(parser.hasPartialRequest)
        parser.append(bytes("cd"))
        guard case .request(let request) = parser.next() else {
            Issue.record("no request")
            return
        }
        #expect(request.body == bytes("abcd"))
        #expect(!parser.isReadingBody)
        #expect(!parser.hasPartialRequest)
    }

    @Test func expectContinueIsReportedUntilTheBodyStarts() {
        var parser = HTTPRequestParser()
        parser.append(bytes("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n"))
        guard case .needMoreData = parser.next() else {
            Issue.record("body is missing")
            return
        }
        #expect(parser.expectsContinue)
        parser.append(bytes("a"))
        #expect(!parser.expectsContinue)

        var plain = HTTPRequestParser()
        plain.append(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n"))
        _ = plain.next()
        #expect(!plain.expectsContinue)
    }

    @Test func emptyLinesBeforeARequestAreIgnored() {
        let parsed = requests(in: parseAll(bytes("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")))
        #expect(parsed.map(\.path) == ["/"])
    }

    @Test func parserStaysFailed() {
        var parser = HTTPRequestParser()
        parser.append(bytes("GET / HTTP/1.1\r\nHost a\r\n\r\n"))
        guard case .failure(let error) = parser.next() else {
            Issue.record("should fail")
            return
        }
        #expect(error.status == .badRequest)
        parser.append(bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))
        guard case .failure(let again) = parser.next() else {
            Issue.record("should stay failed")
            return
        }
        #expect(again == error)
    }

    @Test func identicalDuplicateContentLengthIsAccepted() throws {
        let results = parseAll(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc"))
        #expect(try #require(requests(in: results).first).body == bytes("abc"))
        let list = parseAll(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc"))
        #expect(requests(in: list).count == 1)
    }

    @Test func manySmallAppendsDoNotRescanTheBuffer() {
        // A large head arriving one byte at a time must still parse (and quickly: the scan resumes).
        let field = "X-Filler: " + String(repeating: "a", count: 100) + "\r\n"
        let text = "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: field, count: 90) + "\r\n"
        let limits = HTTPLimits(maxHeaderBytes: 64 * 1024)
        let parsed = requests(in: parseAll(bytes(text), splitAt: Array(1..<text.utf8.count), limits: limits))
        #expect(parsed.count == 1)
        #expect(parsed.first?.headers.count == 91)
    }
}
