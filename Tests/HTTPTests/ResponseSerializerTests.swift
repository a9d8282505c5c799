import Testing

@testable import HTTP

@Suite struct ResponseSerializerTests {
    let date = "Sun, 06 Nov 1994 08:49:37 GMT"

    func text(_ response: HTTPResponse, keepAlive: Bool = true, head: Bool = false) -> String {
        String(
            decoding: HTTPResponseSerializer.serialized(
                response, date: date, keepAlive: keepAlive, isHeadRequest: head), as: UTF8.self)
    }

    @Test func byteExactResponse() {
        let response = HTTPResponse(status: .ok, contentType: "text/plain; charset=utf-8", body: "Hài lòng")
        #expect(
            text(response) == "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 10\r\nConnection: keep-alive\r\n\r\nHài lòng")
        #expect(text(response, keepAlive: false).contains("\r\nConnection: close\r\n\r\nHài lòng"))
    }

    @Test func headKeepsContentLengthButNoBody() {
        let response = HTTPResponse(status: .ok, contentType: "text/css", body: "body{}")
        #expect(
            text(response, head: true) == "HTTP/1.1 200 OK\r\nContent-Type: text/css\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 6\r\nConnection: keep-alive\r\n\r\n")
    }

    @Test func noContentAndNotModifiedHaveNoBodyOrLength() {
        let noContent = text(HTTPResponse(status: .noContent, body: Array("x".utf8)))
        #expect(
            noContent
                == "HTTP/1.1 204 No Content\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nConnection: keep-alive\r\n\r\n")
        let notModified = text(HTTPResponse(status: .notModified, headers: HTTPHeaders([("ETag", "\"1\"")])))
        #expect(
            notModified
                == "HTTP/1.1 304 Not Modified\r\nETag: \"1\"\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nConnection: keep-alive\r\n\r\n"
        )
    }

    @Test func handlerFramingFieldsAreReplacedAndValuesSanitized() {
        var headers = HTTPHeaders()
        headers.add("Content-Length", "999")
        headers.add("connection", "keep-alive")
        headers.add("Transfer-Encoding", "chunked")
        headers.add("Location", "/a\r\nSet-Cookie: evil=1")
        headers.add("Bad Name", "x")
        headers.add("Set-Cookie", "a=1")
        headers.add("Set-Cookie", "b=2")
        let output = text(HTTPResponse(status: .seeOther, headers: headers, body: []), keepAlive: false)
        #expect(
            output
                == "HTTP/1.1 303 See Other\r\nLocation: /a  Set-Cookie: evil=1\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }

    @Test func appendsToAReusedBuffer() {
        var buffer: [UInt8] = Array("previous".utf8)
        HTTPResponseSerializer.serialize(
            HTTPResponse(status: .notFound, body: Array(repeating: 65, count: 1234)),
            date: date, keepAlive: true, into: &buffer)
        let output = String(decoding: buffer, as: UTF8.self)
        #expect(output.hasPrefix("previousHTTP/1.1 404 Not Found\r\n"))
        #expect(output.contains("Content-Length: 1234\r\n"))
        #expect(output.hasSuffix(String(repeating: "A", count: 1234)))
    }
}
