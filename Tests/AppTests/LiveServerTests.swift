import Foundation
import Glibc
import HTTP
import Server
import Survey
import Synchronization
import Testing

@testable import App
@testable import Store

/// The citizen's path over a real socket: the App router behind our own server on an ephemeral loopback port.
@Suite(.serialized) struct LiveServerTests {
    /// A blocking HTTP/1.1 client on a raw socket, so the test sees exactly the bytes on the wire.
    struct RawClient {
        let port: Int

        func send(_ request: String) throws -> (status: Int, headers: [String: String], body: String) {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            try #require(fd >= 0)
            defer { close(fd) }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            try #require(connected == 0, "connect: \(String(cString: strerror(errno)))")
            let bytes = Array(request.utf8)
            try #require(Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count)
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count <= 0 { break }
                received += buffer[0..<count]
            }
            let text = String(decoding: received, as: UTF8.self)
            let parts = text.components(separatedBy: "\r\n\r\n")
            let lines = parts[0].components(separatedBy: "\r\n")
            let status = Int(lines[0].split(separator: " ")[1]) ?? 0
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                    in: .whitespaces)
            }
            return (status, headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
        }

        func get(_ path: String, cookie: String? = nil) throws -> (status: Int, headers: [String: String], body: String)
        {
            let cookieLine = cookie.map { "Cookie: \($0)\r\n" } ?? ""
            return try send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(cookieLine)Connection: close\r\n\r\n")
        }

        func post(_ path: String, form: [(String, String)], cookie: String? = nil) throws -> (
            status: Int, headers: [String: String], body: String
        ) {
            let body = URLEncodedForm(form).encoded
            let cookieLine = cookie.map { "Cookie: \($0)\r\n" } ?? ""
            return try send(
                "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(cookieLine)Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
            )
        }
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test func citizenPathOverARealSocket() async throws {
        let app = try await TestApp()
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, eventLoopCount: 2), responder: app.router,
            log: { _ in })
        let port = try server.start()
        let client = RawClient(port: port)
        let campaign = app.demoCampaignID

        let landing = try client.get("/q/07210")
        #expect(landing.status == 200)
        #expect(landing.body.contains("/s/\(campaign)/07210"))

        let form = try client.get("/s/\(campaign)/07210")
        #expect(form.status == 200)
        let token = try #require(Self.hidden("token", in: form.body))
        app.clock.advance(by: 45)
        let answers = try await AnswerFlowTests.validAnswers(app)
        let submitted = try client.post("/s/\(campaign)/07210", form: [("token", token)] + answers)
        #expect(submitted.status == 303)
        #expect(submitted.headers["location"] == "/s/\(campaign)/07210/thanks")
        let cookie = try #require(submitted.headers["set-cookie"]?.split(separator: ";").first.map(String.init))

        // The same browser again: told it already answered; a resent POST stores nothing new.
        #expect(try client.get("/s/\(campaign)/07210", cookie: cookie).body.contains("đã trả lời phiếu này"))
        #expect(
            try client.post("/s/\(campaign)/07210", form: [("token", token)] + answers).status == 303)
        #expect(try await app.scalar("SELECT count(*) FROM responses") == 1)

        let box = await app.get("/g/07210")
        let boxToken = try #require(box.hiddenField("token"))
        app.clock.advance(by: 5)
        let suggestion = try client.post("/g/07210", form: [("token", boxToken), ("text", "Xin thêm ghế chờ")])
        #expect(suggestion.status == 303)
        #expect(try await app.scalar("SELECT count(*) FROM suggestions") == 1)

        // Closed campaigns answer 410 with a Vietnamese page.
        try await app.pool.write { try CampaignStore($0).close(campaignID: campaign, today: app.clock.today) }
        app.clock.advance(by: 10)  // past the catalog's few seconds of caching
        let closed = try client.get("/s/\(campaign)/07210")
        #expect(closed.status == 410)
        #expect(closed.body.contains("đã kết thúc"))
        #expect(try client.get("/s/\(campaign)/99999").status == 404)

        await server.shutdown()
        await app.close()
    }

    /// Over a real socket the peer is 127.0.0.1: trusted, its X-Forwarded-For names the client in the access log;
    /// untrusted, the header is ignored.
    @Test func theAccessLogShowsTheClientBehindATrustedProxy() async throws {
        for (trusted, expected) in [(["127.0.0.0/8"], "198.51.100.5"), ([], "127.0.0.1")] {
            let app = try await TestApp(doors: DoorLimitTests.settings(proxies: trusted))
            let lines = LockedLines()
            let router = try Application.makeRouter(app.environment, accessLog: lines.append)
            let server = HTTPServer(
                configuration: ServerConfiguration(port: 0, eventLoopCount: 1), responder: router, log: { _ in })
            let client = RawClient(port: try server.start())
            let response = try client.send(
                "GET /q/07210 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 6.6.6.6, 198.51.100.5\r\nConnection: close\r\n\r\n"
            )
            #expect(response.status == 200)
            await server.shutdown()
            #expect(lines.all.count == 1, "trusted: \(trusted)")
            #expect(lines.all.allSatisfy { $0.contains(" client=\(expected) ") }, "trusted: \(trusted)")
            await app.close()
        }
    }
}

/// Log lines collected from the server's threads.
final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    var append: @Sendable (String) -> Void { { [self] line in lines.withLock { $0.append(line) } } }
}
