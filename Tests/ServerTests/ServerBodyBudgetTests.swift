import HTTP
import Testing

@testable import Server

/// The server-wide budget for bodies still arriving, of every size and across every loop: many slow small posts
/// get 503 once it is in use, and give it back when they are taken or dropped.
@Suite struct ServerBodyBudgetTests {
    static func configure(_ configuration: inout ServerConfiguration) {
        configuration.eventLoopCount = 2
        configuration.bodyBudgetBytes = 3000
    }

    static func head(length: Int) -> String {
        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \(length)\r\n\r\n"
    }

    @Test func slowSmallBodiesShareOneBudgetAcrossLoops() async throws {
        try await withServer(Self.configure) { port, server in
            // Three bodies of 1000 bytes, each with its first byte only: the budget is full.
            var slow: [TestClient] = []
            for _ in 0..<3 {
                let client = try TestClient(port: port)
                try client.send(Self.head(length: 1000) + "x")
                slow.append(client)
            }
            try await Task.sleep(for: .milliseconds(150))
            let refused = try TestClient(port: port)
            try refused.send(Self.head(length: 10))
            let answer = try refused.readResponse(timeout: 2)
            #expect(answer.status == 503)
            #expect(answer.header("Retry-After") != nil)
            #expect(server.statistics.refusedForBodyBudget == 1)

            // A request without a body needs no budget.
            let plain = try TestClient(port: port)
            try plain.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try plain.readResponse(timeout: 2).status != 503)

            // One slow body completes, one is dropped: their bytes come back.
            try slow[0].send(String(repeating: "y", count: 999))
            #expect(try slow[0].readResponse(timeout: 5).status == 200)
            slow.remove(at: 1)
            try await Task.sleep(for: .milliseconds(150))
            let admitted = try TestClient(port: port)
            try admitted.send(Self.head(length: 1500) + String(repeating: "z", count: 1500))
            #expect(try admitted.readResponse(timeout: 5).status == 200)
        }
    }
}
