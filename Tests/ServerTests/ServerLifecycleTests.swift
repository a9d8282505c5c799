import Glibc
import HTTP
import Testing

@testable import Server

@Suite struct ServerLifecycleTests {
    @Test func gracefulShutdownFinishesInFlightRequest() async throws {
        var configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, eventLoopCount: 2, shutdownGrace: .seconds(3))
        configuration.idleDeadline = .seconds(30)
        let server = HTTPServer(configuration: configuration, responder: TestResponder(), log: { _ in })
        let port = try server.start()
        #expect(server.boundPort == port)

        let slow = try TestClient(port: port)
        try slow.send("GET /slow?ms=1500 HTTP/1.1\r\nHost: a\r\n\r\n")
        let idle = try TestClient(port: port)
        try idle.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        try await Task.sleep(for: .milliseconds(100))

        let started = TestClient.now()
        await server.shutdown()
        let took = TestClient.now() - started

        // shutdown() returned only after the in-flight response was written, marked as the last one.
        let response = try slow.readResponse(timeout: 0.5)
        #expect(response.text == "slow 1500")
        #expect(response.header("Connection") == "close")
        #expect(idle.closedByServer(within: 0.5))
        #expect(took < 3.5)
        #expect(throws: TestClient.Failure.self) { try TestClient(port: port) }  // no longer listening
    }

    /// top -H and perf show each event loop by name instead of the name its starting thread had.
    @Test func eventLoopThreadsCarryTheirNames() async throws {
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, eventLoopCount: 2), responder: TestResponder(), log: { _ in })
        _ = try server.start()
        var names: [String] = []
        if let tasks = opendir("/proc/self/task") {
            while let entry = readdir(tasks) {
                let id = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard let file = fopen("/proc/self/task/\(id)/comm", "r") else { continue }
                var line = [CChar](repeating: 0, count: 32)
                if fgets(&line, 32, file) != nil {
                    names.append(
                        String(
                            decoding: line.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                }
                fclose(file)
            }
            closedir(tasks)
        }
        await server.shutdown()
        #expect(names.contains("qcdc.loop0"), "thread names: \(Set(names).sorted())")
        #expect(names.contains("qcdc.loop1"), "thread names: \(Set(names).sorted())")
    }

    @Test func shutdownWithoutConnectionsIsQuick() async throws {
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, eventLoopCount: 3), responder: TestResponder(), log: { _ in })
        _ = try server.start()
        let started = TestClient.now()
        await server.shutdown()
        #expect(TestClient.now() - started < 1.5)  // loose: the test pool may be busy
        await server.shutdown()  // twice is harmless
    }

    @Test func bindFailureNamesTheAddressAndErrno() async throws {
        try await withServer { port, _ in
            let second = HTTPServer(
                configuration: ServerConfiguration(port: port), responder: TestResponder(), log: { _ in })
            do {
                _ = try second.start()
                Issue.record("binding a used port should fail")
                await second.shutdown()
            } catch let error as ServerError {
                #expect(error.errno == EADDRINUSE)
                #expect(error.description.hasPrefix("bind 127.0.0.1:\(port): "))
                #expect(error.description.contains("in use"))
            }
        }
    }

    @Test func terminationSignalReportsTheSignal() throws {
        #expect(TerminationSignal.prepare())
        let sender = try LoopThread.start {
            usleep(50_000)
            kill(getpid(), SIGTERM)
        }
        #expect(TerminationSignal.wait() == SIGTERM)
        sender.join()
    }

    @Test func deadlineHeapOrdersAndRebuilds() {
        var heap = DeadlineHeap()
        let deadlines: [Int64] = [50, 10, 40, 30, 20, 60, 5]
        for (index, deadline) in deadlines.enumerated() {
            heap.push(.init(deadline: deadline, fd: Int32(index), token: UInt64(index)))
        }
        heap.rebuild { $0.fd != 1 }  // drop the entry with deadline 10
        var popped: [Int64] = []
        while let entry = heap.pop() { popped.append(entry.deadline) }
        #expect(popped == [5, 20, 30, 40, 50, 60])
    }
}
