import HTTP
import Testing

@testable import Server

/// The per-client connection cap on a real socket: a peer past its share gets the short 503, other peers and
/// exempt peers (trusted proxies) do not, and a closed connection gives its place back.
@Suite struct ServerClientCapTests {
    @Test func aPeerPastItsShareIsRefusedAndAClosedConnectionFreesAPlace() async throws {
        try await withServer({ $0.maxConnectionsPerClient = 3 }) { port, server in
            var held: [TestClient] = []
            for _ in 0..<3 {
                let client = try TestClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse(timeout: 2).status == 200)
                held.append(client)
            }
            let fourth = try TestClient(port: port)
            try fourth.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try fourth.readResponse(timeout: 2).status == 503)
            #expect(server.statistics.refusedPerClient == 1)
            #expect(server.statistics.refusedAtConnectionLimit == 0, "the server-wide limit was not reached")

            held.removeLast()  // closes one: its place comes back
            try await Task.sleep(for: .milliseconds(150))
            let again = try TestClient(port: port)
            try again.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try again.readResponse(timeout: 2).status == 200)
        }
    }

    @Test func anExemptPeerIsNotCapped() async throws {
        try await withServer({
            $0.maxConnectionsPerClient = 2
            $0.isExemptPeer = { $0 == "127.0.0.1" }
        }) { port, server in
            var held: [TestClient] = []
            for _ in 0..<5 {
                let client = try TestClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse(timeout: 2).status == 200)
                held.append(client)
            }
            #expect(server.statistics.refusedPerClient == 0)
            #expect(held.count == 5)
        }
    }
}
