import CLinux
import Glibc
import HTTP
import Synchronization

/// The HTTP/1.1 server: one listening socket, `eventLoopCount` epoll event-loop threads, each also the task
/// executor of the requests it reads. No thread per connection or per request.
public final class HTTPServer: Sendable {
    private struct Running: Sendable {
        var context: ServerContext
        var loops: [EventLoop]
        var threads: [LoopThread]
        var port: Int
        var listenerClosed = false
    }

    private enum State: Sendable {
        case idle
        case running(Running)
        case stopped
    }

    private let configuration: ServerConfiguration
    private let responder: any HTTPResponder
    private let errorPage: @Sendable (HTTPStatus) -> HTTPResponse
    private let log: @Sendable (String) -> Void
    private let state = Mutex<State>(.idle)

    public init(
        configuration: ServerConfiguration,
        responder: any HTTPResponder,
        errorPage: @escaping @Sendable (HTTPStatus) -> HTTPResponse = { DefaultErrorPage.response(for: $0) },
        log: @escaping @Sendable (String) -> Void = { print($0) }
    ) {
        self.configuration = configuration
        self.responder = responder
        self.errorPage = errorPage
        self.log = log
    }

    /// The port the server listens on, once started.
    public var boundPort: Int? {
        state.withLock { state in
            if case .running(let running) = state { return running.port }
            return nil
        }
    }

    /// Connection figures for `/metrics`; zeros before `start`.
    public var statistics: ServerStatistics {
        state.withLock { state in
            guard case .running(let running) = state else { return ServerStatistics() }
            let context = running.context
            return ServerStatistics(
                openConnections: context.openConnections.load(ordering: .relaxed),
                refusedAtConnectionLimit: context.refusedAtConnectionLimit.load(ordering: .relaxed),
                refusedForBodyBudget: context.refusedForBodyBudget.load(ordering: .relaxed),
                refusedPerClient: context.refusedPerClient.load(ordering: .relaxed))
        }
    }

    /// Binds, listens and starts the event loops; returns the bound port (useful with port 0).
    @discardableResult
    public func start() throws -> Int {
        try state.withLock { state throws(ServerError) -> Int in
            guard case .idle = state else { throw ServerError("start", message: "the server was already started") }
            clinux_ignore_sigpipe()
            if clinux_raise_open_file_limit() < 0 {
                log("could not raise the open-file limit: \(ServerError("setrlimit", errno: clinux_errno()))")
            }
            let running = try launch()
            state = .running(running)
            return running.port
        }
    }

    private func launch() throws(ServerError) -> Running {
        let endpoint = "\(configuration.host):\(configuration.port)"
        guard configuration.port >= 0 && configuration.port <= 65_535 else {
            throw ServerError("bind \(endpoint)", message: "port out of range")
        }
        var failedStep: UnsafePointer<CChar>?
        let listenFD = clinux_listen_tcp(configuration.host, Int32(configuration.port), 4096, &failedStep)
        guard listenFD >= 0 else {
            let step = failedStep.map { String(cString: $0) } ?? "listen"
            throw ServerError("\(step) \(endpoint)", errno: clinux_errno())
        }
        let port = Int(clinux_local_port(listenFD))
        let context = ServerContext(
            configuration: configuration, responder: responder, errorPage: errorPage,
            log: log, listenFD: listenFD)
        var loops: [EventLoop] = []
        var threads: [LoopThread] = []
        do throws(ServerError) {
            for index in 0..<max(1, configuration.eventLoopCount) {
                let loop = try EventLoop(index: index)
                loops.append(loop)
                threads.append(
                    try LoopThread.start(name: "qcdc.loop\(index)") { Reactor(loop: loop, context: context).run() })
            }
        } catch {
            for loop in loops {
                loop.stopping.store(true, ordering: .releasing)
                loop.wake()
            }
            for thread in threads { thread.join() }
            Glibc.close(listenFD)
            throw error
        }
        return Running(context: context, loops: loops, threads: threads, port: port)
    }

    /// Stops accepting, lets in-flight requests finish (within `shutdownGrace`), closes every connection and
    /// joins the loop threads. Idle keep-alive connections are closed at once.
    public func shutdown() async {
        guard
            let running = state.withLock({ state -> Running? in
                guard case .running(let running) = state else { return nil }
                state = .stopped
                return running
            })
        else { return }

        for loop in running.loops {
            loop.draining.store(true, ordering: .releasing)
            loop.wake()
        }
        let clock = ContinuousClock()
        let graceEnd = clock.now + configuration.shutdownGrace
        var listenerClosed = false
        while clock.now < graceEnd {
            if !listenerClosed && running.loops.allSatisfy({ $0.listenerReleased.load(ordering: .acquiring) }) {
                Glibc.close(running.context.listenFD)  // no loop watches it any more
                listenerClosed = true
            }
            if running.loops.allSatisfy({ $0.finished.load(ordering: .acquiring) }) { break }
            try? await Task.sleep(for: .milliseconds(5))
        }
        for loop in running.loops {
            loop.stopping.store(true, ordering: .releasing)
            loop.wake()
        }
        for thread in running.threads { thread.join() }
        if !listenerClosed { Glibc.close(running.context.listenFD) }
    }
}
