import Glibc
import HTTP
import Testing

@testable import Server

/// Malformed requests over a real socket: the right status, then the connection is closed, and the server
/// goes on serving fresh connections.
let socketCorpus: [(name: String, request: String, status: Int)] = [
    (
        "conflicting Content-Length",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400
    ),
    ("negative Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
    (
        "Transfer-Encoding with Content-Length",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc", 400
    ),
    ("chunked body", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 501),
    ("space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
    ("obsolete folding", "GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n 2\r\n\r\n", 400),
    ("bare LF", "GET / HTTP/1.1\nHost: a\n\n", 400),
    ("NUL in value", "GET / HTTP/1.1\r\nHost: a\r\nX: \u{0}\r\n\r\n", 400),
    ("missing Host", "GET / HTTP/1.1\r\n\r\n", 400),
    ("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
    ("POST without length", "POST / HTTP/1.1\r\nHost: a\r\n\r\n", 411),
    ("unknown method", "BREW / HTTP/1.1\r\nHost: a\r\n\r\n", 501),
    ("HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
    ("garbage version", "GET / HTTP/x\r\nHost: a\r\n\r\n", 400),
    ("absolute-form", "GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    ("bad escape", "GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    ("encoded NUL", "GET /%00 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    ("long request line", "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414),
    ("large header block", "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 20000) + "\r\n\r\n", 431),
]

@Suite struct ServerRefusalTests {
    @Test func malformedRequestsAreRefusedAndClosed() async throws {
        try await withServer { port, _ in
            for sample in socketCorpus {
                let client = try TestClient(port: port)
                try client.send(sample.request)
                let response = try client.readResponse()
                #expect(response.status == sample.status, "\(sample.name)")
                #expect(response.header("Connection") == "close", "\(sample.name)")
                #expect(client.closedByServer(), "\(sample.name) left the connection open")

                let fresh = try TestClient(port: port)
                try fresh.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try fresh.readResponse().status == 200, "after \(sample.name)")
            }
        }
    }

    @Test func oversizeBodyIsRefusedBeforeItIsSent() async throws {
        try await withServer({ $0.limits.maxBodyBytes = 1024 }) { port, _ in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n")
            let response = try client.readResponse(timeout: 2)
            #expect(response.status == 413)
            #expect(response.text.contains("quá lớn"))
            #expect(client.closedByServer())
        }
    }

    @Test func connectionLimitGivesFast503AndRecovers() async throws {
        try await withServer({ $0.maxConnections = 4 }) { port, _ in
            var held: [TestClient] = []
            for _ in 0..<4 {
                let client = try TestClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
                held.append(client)
            }
            for _ in 0..<3 {
                let started = TestClient.now()
                let extra = try TestClient(port: port)
                try extra.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                let response = try extra.readResponse(timeout: 1)
                #expect(response.status == 503)
                #expect(response.header("Connection") == "close")
                #expect(extra.closedByServer(within: 1))
                #expect(TestClient.now() - started < 0.5)
            }
            held.removeFirst()  // closes one connection
            var recovered = false
            for _ in 0..<50 where !recovered {
                try await Task.sleep(for: .milliseconds(20))
                let client = try TestClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                recovered = try client.readResponse().status == 200
            }
            #expect(recovered)
            // The held connections still work.
            try held[0].send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try held[0].readResponse().status == 200)
        }
    }

    @Test func idleDeadlineClosesKeepAliveConnections() async throws {
        try await withServer({ $0.idleDeadline = .milliseconds(300) }) { port, _ in
            let used = try TestClient(port: port)
            try used.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try used.readResponse().status == 200)
            let silent = try TestClient(port: port)
            let started = TestClient.now()
            #expect(used.closedByServer(within: 2))
            #expect(silent.closedByServer(within: 2))
            let elapsed = TestClient.now() - started
            #expect(elapsed > 0.2 && elapsed < 1.5)
        }
    }

    @Test func slowHeadGets408() async throws {
        try await withServer({ $0.headDeadline = .milliseconds(300) }) { port, _ in
            let client = try TestClient(port: port)
            try client.send("GET / HTTP/1.1\r\nHo")
            let started = TestClient.now()
            let response = try client.readResponse(timeout: 2)
            #expect(response.status == 408)
            #expect(client.closedByServer())
            #expect(TestClient.now() - started < 1.5)
        }
    }

    @Test func slowBodyGets408() async throws {
        try await withServer({ $0.bodyDeadline = .milliseconds(300) }) { port, _ in
            let client = try TestClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
            let response = try client.readResponse(timeout: 2)
            #expect(response.status == 408)
            #expect(client.closedByServer())
        }
    }

    @Test func writeDeadlineClosesAClientThatDoesNotRead() async throws {
        try await withServer({ $0.writeDeadline = .milliseconds(300) }) { port, _ in
            let received = try await onThread { () throws -> Int in
                let client = try TestClient(port: port)
                try client.send("GET /fill?n=40000000 HTTP/1.1\r\nHost: a\r\n\r\n")
                usleep(1_200_000)  // read nothing while the deadline passes
                return client.drainUntilClosed(timeout: 3)
            }
            #expect(received > 0)
            #expect(received < 40_000_000)  // cut off before the whole response
        }
    }
}
