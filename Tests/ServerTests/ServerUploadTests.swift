import HTTP
import Testing

@testable import Server

/// Upload-sized bodies over a real socket: only upload targets may carry them, an oversize one is refused from
/// its head, and a loop's large-body budget turns away the body that would pass it.
@Suite struct ServerUploadTests {
    static let mebibyte = 1024 * 1024

    static func configure(_ configuration: inout ServerConfiguration) {
        configuration.limits.uploadTargets = [UploadTarget(method: .post, pattern: "/echo")]
        configuration.limits.uploadBodyBytes = 3 * mebibyte
        configuration.eventLoopCount = 1  // the budget is per loop: one loop makes it the whole server's
        configuration.largeBodyBudgetBytes = 3 * mebibyte
    }

    static func head(_ path: String, length: Int) -> String {
        "POST \(path) HTTP/1.1\r\nHost: a\r\nContent-Length: \(length)\r\n\r\n"
    }

    @Test func uploadTargetAcceptsABodyAboveTheOrdinaryLimit() async throws {
        try await withServer(Self.configure) { port, _ in
            let body = (0..<(2 * Self.mebibyte)).map { UInt8(truncatingIfNeeded: $0 % 253) }
            let response = try await onThread {
                let client = try TestClient(port: port)
                try client.send(Self.head("/echo", length: body.count))
                try client.send(body)
                return try client.readResponse(timeout: 10)
            }
            #expect(response.status == 200)
            #expect(response.body == body)
        }
    }

    @Test func otherRoutesKeepTheOrdinaryLimit() async throws {
        try await withServer(Self.configure) { port, _ in
            for (method, path) in [("POST", "/"), ("PUT", "/echo"), ("POST", "/echo/more")] {
                let client = try TestClient(port: port)
                try client.send("\(method) \(path) HTTP/1.1\r\nHost: a\r\nContent-Length: \(Self.mebibyte + 1)\r\n\r\n")
                let response = try client.readResponse(timeout: 2)
                #expect(response.status == 413, "\(method) \(path)")
                #expect(client.closedByServer(), "\(method) \(path)")
            }
        }
    }

    @Test func oversizeUploadIsRefusedFromItsHeadAlone() async throws {
        try await withServer(Self.configure) { port, _ in
            let client = try TestClient(port: port)
            try client.send(Self.head("/echo", length: 3 * Self.mebibyte + 1))
            let started = TestClient.now()
            let response = try client.readResponse(timeout: 2)  // no body byte sent: the server must not wait
            #expect(response.status == 413)
            #expect(TestClient.now() - started < 1)
            #expect(response.header("Connection") == "close")
            #expect(client.closedByServer())
        }
    }

    @Test func largeBodyBudgetGives503AndIsReleased() async throws {
        try await withServer(Self.configure) { port, _ in
            let size = 2 * Self.mebibyte
            let body = [UInt8](repeating: 0x61, count: size)
            let first = try TestClient(port: port)
            try first.send(Self.head("/echo", length: size))
            try first.send(Array(body[0..<1000]))
            try await Task.sleep(for: .milliseconds(100))  // the server has read the head and reserved

            let second = try TestClient(port: port)
            try second.send(Self.head("/echo", length: size))
            let refused = try second.readResponse(timeout: 2)
            #expect(refused.status == 503)
            #expect(refused.header("Retry-After") == "30")
            #expect(second.closedByServer())

            // Bodies within the ordinary limit never touch the budget.
            let small = try TestClient(port: port)
            try small.send(Self.head("/echo", length: 10) + "0123456789")
            #expect(try small.readResponse().status == 200)

            // The server's loop runs on its own thread, so this blocking send only holds the test's thread.
            try first.send(Array(body[1000...]))
            let finished = try first.readResponse(timeout: 10)
            #expect(finished.status == 200 && finished.body.count == size)

            // Taken by its handler, the first body gave its budget back.
            let third = try await onThread {
                let client = try TestClient(port: port)
                try client.send(Self.head("/echo", length: size))
                try client.send(body)
                return try client.readResponse(timeout: 10)
            }
            #expect(third.status == 200)
        }
    }

    @Test func closedConnectionReleasesItsBudget() async throws {
        try await withServer(Self.configure) { port, _ in
            let size = 2 * Self.mebibyte
            var abandoned: TestClient? = try TestClient(port: port)
            try abandoned?.send(Self.head("/echo", length: size))
            try await Task.sleep(for: .milliseconds(100))
            abandoned = nil  // the client gives up mid-upload
            try await Task.sleep(for: .milliseconds(100))
            let response = try await onThread {
                let client = try TestClient(port: port)
                try client.send(Self.head("/echo", length: size))
                try client.send([UInt8](repeating: 0x62, count: size))
                return try client.readResponse(timeout: 10)
            }
            #expect(response.status == 200)
        }
    }

    @Test func bodyDeadlineScalesWithTheDeclaredLength() {
        var configuration = ServerConfiguration(bodyDeadline: .seconds(30), minimumBodyBytesPerSecond: 64 * 1024)
        let context = ServerContext(
            configuration: configuration, responder: TestResponder(), errorPage: DefaultErrorPage.response(for:),
            log: { _ in }, listenFD: -1)
        #expect(context.bodyDeadline(forLength: 1000) == 30_000_000_000)
        // 20 MiB at 64 KiB/s: 320 s, enough for a 1 Mbit/s link (about 168 s).
        #expect(context.bodyDeadline(forLength: 20 * Self.mebibyte) == 320_000_000_000)
        configuration.minimumBodyBytesPerSecond = 0
        let unscaled = ServerContext(
            configuration: configuration, responder: TestResponder(), errorPage: DefaultErrorPage.response(for:),
            log: { _ in }, listenFD: -1)
        #expect(unscaled.bodyDeadline(forLength: 20 * Self.mebibyte) == 30_000_000_000)
    }
}
