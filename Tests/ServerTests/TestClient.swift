import Glibc

/// A raw TCP client for tests: exactly the bytes we choose go out, and the bytes that come back are parsed
/// by hand, so framing mistakes are visible (URLSession would hide them).
final class TestClient {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Response {
        let status: Int
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let fd: Int32
    private var received: [UInt8] = []

    init(port: Int, host: String = "127.0.0.1") throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Failure(description: "connect to \(port): errno \(code)")
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    /// Sends without waiting or failing (for drip-feeding many sockets from one thread). False if the send failed.
    @discardableResult
    func trySend(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            == bytes.count
    }

    /// Reads one response. `bodyExpected: false` for HEAD, whose Content-Length announces no body bytes.
    func readResponse(bodyExpected: Bool = true, timeout: Double = 5) throws -> Response {
        let deadline = Self.now() + timeout
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.find([13, 10, 13, 10], in: received).map { $0 + 4 }
            if headEnd == nil { try fill(until: deadline) }
        }
        let head = String(decoding: received[0..<headEnd!], as: UTF8.self)
        var lines = head.split(separator: "\r\n").map(String.init)  // "\r\n" is one Character
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line in \(head)")
        }
        let headers = lines.map { line -> (name: String, value: String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1].drop { $0 == " " }) : "")
        }
        let length =
            bodyExpected ? Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0 : 0
        while received.count < headEnd! + length { try fill(until: deadline) }
        let body = Array(received[headEnd!..<(headEnd! + length)])
        received.removeFirst(headEnd! + length)
        return Response(status: status, headers: headers, body: body)
    }

    /// True when the server closed the connection (EOF or reset) within `timeout` seconds, with no further
    /// bytes sent.
    func closedByServer(within timeout: Double = 2) -> Bool {
        let deadline = Self.now() + timeout
        while true {
            let remaining = deadline - Self.now()
            guard remaining > 0 else { return false }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(remaining * 1000) + 1) > 0 else { continue }
            var byte: UInt8 = 0
            let count = recv(fd, &byte, 1, 0)
            if count == 0 || (count < 0 && errno == ECONNRESET) { return true }
            if count > 0 {
                received.append(byte)
                return false
            }
        }
    }

    /// Reads and counts every byte until the server closes (or `timeout` passes); returns the count.
    func drainUntilClosed(timeout: Double) -> Int {
        let deadline = Self.now() + timeout
        var total = received.count
        received.removeAll()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while Self.now() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return total }
            total += count
        }
        return total
    }

    /// Non-blocking check used by the drip test: has a full response arrived, or EOF?
    func pollForResponseOrClose() -> (response: Response?, closed: Bool) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var closed = false
        while true {
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
                continue
            }
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { closed = true }
            break
        }
        guard Self.find([13, 10, 13, 10], in: received) != nil else { return (nil, closed) }
        return ((try? readResponse(timeout: 0.01)), closed)
    }

    private func fill(until deadline: Double) throws {
        let remaining = deadline - Self.now()
        guard remaining > 0 else {
            throw Failure(description: "timed out; received \(String(decoding: received, as: UTF8.self))")
        }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(remaining * 1000) + 1) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count > 0 else {
            throw Failure(
                description:
                    "connection closed (\(count), errno \(errno)); received \(String(decoding: received, as: UTF8.self))"
            )
        }
        received.append(contentsOf: buffer[0..<count])
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
