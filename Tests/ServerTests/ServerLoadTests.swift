import Glibc
import HTTP
import Testing

@testable import Server

/// The load test: 500 idle connections and 50 that drip one byte every 100 ms are held while a
/// normal client is served promptly, and every drip connection is cut with 408 at its head deadline.
@Suite struct ServerLoadTests {
    struct Measurements: Sendable {
        var normalLatency: Double?
        var dripStatuses: [Int?] = []
        /// Seconds from a drip connection's first byte to its 408.
        var dripCutAfter: [Double] = []
        var dripClosed: [Bool] = []
        var idleStillServed: [Int] = []
    }

    @Test func idleAndDripConnectionsDoNotStarveOthers() async throws {
        raiseOpenFileLimit()
        try await withServer({
            $0.headDeadline = .milliseconds(1500)
            $0.idleDeadline = .seconds(20)
            $0.maxConnections = 2000
            $0.maxConnectionsPerClient = 2000  // every test connection comes from 127.0.0.1
        }) { port, _ in
            let measured = try await onThread { try Self.hold(port: port) }
            #expect(try #require(measured.normalLatency) < 1.0)
            #expect(measured.dripStatuses.count == 50)
            for index in measured.dripStatuses.indices {
                #expect(measured.dripStatuses[index] == 408, "drip \(index)")
                let cutAfter = measured.dripCutAfter[index]
                #expect(cutAfter > 1.3 && cutAfter < 2.3, "drip \(index) cut after \(cutAfter) s")
                #expect(measured.dripClosed[index], "drip \(index) not closed")
            }
            #expect(measured.idleStillServed == [200, 200, 200])
        }
    }

    private static func hold(port: Int) throws -> Measurements {
        var idle: [TestClient] = []
        for _ in 0..<500 { idle.append(try TestClient(port: port)) }

        let dripText = Array(
            ("GET /drip HTTP/1.1\r\nHost: a\r\nX-Slow: " + String(repeating: "z", count: 100) + "\r\n\r\n").utf8)
        let drips = try (0..<50).map { _ in try TestClient(port: port) }
        var firstByteAt = [Double](repeating: 0, count: drips.count)
        var answeredAt = [Double?](repeating: nil, count: drips.count)
        var closedAt = [Double?](repeating: nil, count: drips.count)
        var measured = Measurements()
        measured.dripStatuses = Array(repeating: nil, count: drips.count)

        let started = TestClient.now()
        var tick = 0
        while TestClient.now() - started < 3.2 {
            for (index, drip) in drips.enumerated() where closedAt[index] == nil {
                if tick < dripText.count && answeredAt[index] == nil {
                    if tick == 0 { firstByteAt[index] = TestClient.now() }
                    drip.trySend([dripText[tick]])
                }
                let (response, closed) = drip.pollForResponseOrClose()
                if let response, answeredAt[index] == nil {
                    answeredAt[index] = TestClient.now()
                    measured.dripStatuses[index] = response.status
                }
                if closed { closedAt[index] = TestClient.now() }
            }
            if tick == 5 {
                // (a) a normal request on a fresh connection while everything is held.
                let before = TestClient.now()
                let client = try TestClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                if try client.readResponse(timeout: 1).status == 200 {
                    measured.normalLatency = TestClient.now() - before
                }
            }
            tick += 1
            usleep(100_000)
        }
        measured.dripCutAfter = drips.indices.map { (answeredAt[$0] ?? .infinity) - firstByteAt[$0] }
        measured.dripClosed = closedAt.map { $0 != nil }
        // The idle connections were held all along and still work.
        for client in [idle[0], idle[250], idle[499]] {
            try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            measured.idleStillServed.append(try client.readResponse().status)
        }
        return measured
    }
}
