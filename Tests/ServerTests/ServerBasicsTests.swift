import CLinux
import Glibc
import HTTP
import Testing

@testable import Server

@Suite struct ServerBasicsTests {
    @Test func basicGet() async throws {
        try await withServer { port, _ in
            let client = try TestClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "xin chào")
            #expect(response.header("Content-Length") == "9")
            #expect(response.header("Connection") == "keep-alive")
            #expect(HTTPDate.parse(try #require(response.header("Date"))) != nil)
        }
    }

    @Test func headKeepsContentLengthWithoutBody() async throws {
        try await withServer { port, _ in
            let client = try TestClient(port: port)
            try client.send("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readResponse(bodyExpected: false)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "9")
            #expect(head.body.isEmpty)
            // Had a body been sent after the HEAD head, it would corrupt this next response.
            try client.send("GET /echo HTTP/1.1\r\nHost: a\r\n\r\n")
            let next = try client.readResponse()
            #expect(next.status == 200)
            #expect(next.header("X-Method") == "GET")
        }
    }

    @Test func keepAliveServesSeveralRequestsOnOneSocket() async throws {
        try await withServer { port, _ in
            let client = try TestClient(port: port)
            for index in 0..<5 {
                try client.send("GET /echo?n=\(index) HTTP/1.1\r\nHost: a\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("X-Target") == "/echo?n=\(index)")
                #expect(response.header("X-Remote") == "127.0.0.1")
                #expect(response.header("Connection") == "keep-alive")
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { port, _ in
            let client = try TestClient(port: port)
            try client.send(
                "GET /slow?ms=30 HTTP/1.1\r\nHost: a\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nabcd"
                    + "GET /echo?third HTTP/1.1\r\nHost: a\r\n\r\n")
            let first = try client.readResponse()
            let second = try client.readResponse()
            let third = try client.readResponse()
            #expect(first.text == "slow 30")
            #expect(second.header("X-Method") == "POST" && second.text == "abcd")
            #expect(third.header("X-Target") == "/echo?third")
        }
    }

    @Test func postWithBodyInPieces() async throws {
        try await withServer { port, _ in
            let client = try TestClient(port: port)
            let body = String(repeating: "Hài lòng ", count: 2000)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
            let bytes = Array(body.utf8)
            try client.send(Array(bytes[0..<100]))
            try await Task.sleep(for: .milliseconds(20))
            try client.send(Array(bytes[100...]))
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == body)
        }
    }

    @Test func expectContinueGets100BeforeTheBody() async throws {
        try await withServer { port, _ in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
            let interim = try client.readResponse(bodyExpected: false, timeout: 1)
            #expect(interim.status == 100)
            try client.send("abc")
            let response = try client.readResponse()
            #expect(response.status == 200 && response.text == "abc")
        }
    }

    @Test func http10ClosesUnlessAskedToKeepAlive() async throws {
        try await withServer { port, _ in
            let plain = try TestClient(port: port)
            try plain.send("GET / HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().header("Connection") == "close")
            #expect(plain.closedByServer())

            let keeping = try TestClient(port: port)
            try keeping.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keeping.readResponse().header("Connection") == "keep-alive")
            try keeping.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keeping.readResponse().status == 200)
        }
    }

    @Test func clientOrHandlerCanAskToClose() async throws {
        try await withServer { port, _ in
            let client = try TestClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(try client.readResponse().header("Connection") == "close")
            #expect(client.closedByServer())

            let handlerClose = try TestClient(port: port)
            try handlerClose.send("GET /close HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try handlerClose.readResponse()
            #expect(response.text == "bye" && response.header("Connection") == "close")
            #expect(handlerClose.closedByServer())
        }
    }

    /// A client that asked for the close is closed at once when nothing more came from it; one that sent bytes
    /// after its `Connection: close` request still gets its whole response (the server lingers instead of closing
    /// on unread input, which would reset the connection and could destroy the response in flight).
    @Test func closingAtOnceNeverLosesTheResponse() async throws {
        try await withServer { port, _ in
            for _ in 0..<20 {
                let client = try TestClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                #expect(try client.readResponse().status == 200)
                #expect(client.closedByServer())
            }
            for _ in 0..<20 {
                let client = try TestClient(port: port)
                try client.send(
                    "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200 && response.header("Connection") == "close")
                #expect(client.closedByServer())
            }
        }
    }

    /// A client that closed its sending side after its request (a half-close) still reads the whole response, and
    /// the server closes the connection after it (at once, seeing the client's FIN: it will send nothing more).
    @Test func aHalfClosedClientGetsItsWholeResponse() async throws {
        try await withServer { port, _ in
            for request in [
                "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                "GET /slow?ms=50 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.0\r\nHost: a\r\n\r\n",
            ] {
                let client = try TestClient(port: port)
                try client.send(request)
                #expect(shutdown(client.fd, Int32(SHUT_WR)) == 0)
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(client.closedByServer())
            }
        }
    }

    /// The listener's TCP_NODELAY is what each accepted connection relies on (the server no longer sets it per
    /// connection), so the kernel's inheritance is checked here.
    @Test func acceptedConnectionsInheritNoDelayFromTheListener() throws {
        var failedStep: UnsafePointer<CChar>?
        let listener = clinux_listen_tcp("127.0.0.1", 0, 16, &failedStep)
        #expect(listener >= 0)
        defer { Glibc.close(listener) }
        #expect(clinux_nodelay(listener) == 1)
        let client = clinux_connect_tcp("127.0.0.1", clinux_local_port(listener))
        #expect(client >= 0)
        defer { Glibc.close(client) }
        var address = [CChar](repeating: 0, count: 64)
        var accepted: Int32 = -1
        for _ in 0..<100 where accepted < 0 {
            accepted = address.withUnsafeMutableBufferPointer { clinux_accept(listener, $0.baseAddress, 64) }
            if accepted < 0 { usleep(10_000) }
        }
        #expect(accepted >= 0)
        defer { Glibc.close(accepted) }
        #expect(clinux_nodelay(accepted) == 1)
        #expect(clinux_nodelay(client) == 0)
    }

    @Test func suspendingHandlerStillAnswers() async throws {
        try await withServer { port, _ in
            let clients = try (0..<4).map { _ in try TestClient(port: port) }
            for client in clients { try client.send("GET /slow?ms=150 HTTP/1.1\r\nHost: a\r\n\r\n") }
            let started = TestClient.now()
            for client in clients { #expect(try client.readResponse().text == "slow 150") }
            // The four sleeps overlap: suspended handlers do not hold their loop.
            #expect(TestClient.now() - started < 1.0)
        }
    }

    @Test func unknownPathIsTheResponderDecision() async throws {
        try await withServer { port, _ in
            let client = try TestClient(port: port)
            try client.send("GET /khong-co HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 404)
        }
    }

    @Test func largeResponseIsWrittenAcrossManyWrites() async throws {
        try await withServer { port, _ in
            let client = try TestClient(port: port)
            try client.send("GET /big?n=3000000 HTTP/1.1\r\nHost: a\r\n\r\n")
            try await Task.sleep(for: .milliseconds(100))  // the socket buffer fills; the server waits for EPOLLOUT
            let response = try client.readResponse()
            #expect(response.body.count == 3_000_000)
            #expect(response.body.enumerated().allSatisfy { $0.element == UInt8(truncatingIfNeeded: $0.offset % 251) })
            try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }
}
