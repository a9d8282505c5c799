import CLinux
import Glibc
import HTTP

/// The loop-thread side of an event loop: epoll readiness, connections indexed by fd, the deadline heap,
/// and the executor's job queue run between waits. Created on its thread and never shared, so it needs no
/// locks; the only ways in from outside are the `EventLoop` queues and flags.
final class Reactor {
    static let listenerToken = UInt64.max
    static let wakeToken = UInt64.max - 1
    static let eventCapacity: Int32 = 256
    static let readBufferSize = 64 * 1024
    /// How long a closing connection may keep sending before we stop draining it and close anyway.
    static let lingerNanoseconds: Int64 = 2_000_000_000
    static let rejectLingerNanoseconds: Int64 = 1_000_000_000
    static let acceptPauseNanoseconds: Int64 = 100_000_000

    let loop: EventLoop
    let context: ServerContext

    var connections: [Connection?] = []
    var liveConnections = 0
    var heap = DeadlineHeap()
    var nextToken: UInt64 = 0
    var nextSerial: UInt64 = 0
    var dateCache = DateCache()
    var now: Int64 = MonotonicClock.now()

    let readBuffer: UnsafeMutableRawBufferPointer
    private let events: UnsafeMutablePointer<clinux_event>
    private var jobBatch: [UnownedJob] = []
    private var completionBatch: [EventLoop.Completion] = []

    /// Bytes of `largeBodyBudgetBytes` reserved by connections reading a large body.
    var largeBodyBytesInUse = 0

    var listenerRegistered = false
    /// After EMFILE/ENFILE the listener is unregistered until this time, instead of spinning on it.
    var acceptResumesAt: Int64?
    var lastAcceptErrorLog: Int64 = .min
    private var drainStarted = false

    init(loop: EventLoop, context: ServerContext) {
        self.loop = loop
        self.context = context
        readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
        events = .allocate(capacity: Int(Self.eventCapacity))
    }

    deinit {
        readBuffer.deallocate()
        events.deallocate()
    }

    func run() {
        loop.markLoopThread()
        guard clinux_epoll_add(loop.epollFD, loop.wakeFD, clinux_epollin(), Self.wakeToken) == 0 else {
            context.log(
                "event loop \(loop.index): cannot watch its eventfd: \(ServerError("epoll_ctl", errno: clinux_errno()))"
            )
            loop.finished.store(true, ordering: .releasing)
            return
        }
        registerListener()

        while true {
            if loop.stopping.load(ordering: .acquiring) { break }
            if loop.draining.load(ordering: .acquiring) && !drainStarted { beginDrain() }
            if drainStarted && liveConnections == 0 { break }

            let count = clinux_epoll_wait(loop.epollFD, events, Self.eventCapacity, waitTimeout())
            now = MonotonicClock.now()
            if count < 0 {
                context.log(
                    "event loop \(loop.index): epoll_wait failed: \(ServerError("epoll_wait", errno: clinux_errno()))")
                continue
            }
            for index in 0..<Int(count) {
                let event = events[index]
                switch event.data {
                case Self.wakeToken: loop.acknowledgeWake()
                case Self.listenerToken: acceptConnections()
                default: handle(events: event.events, fd: Int32(truncatingIfNeeded: event.data))
                }
            }
            runQueuedWork()
            expireDeadlines()
            if let resume = acceptResumesAt, now >= resume, !drainStarted {
                acceptResumesAt = nil
                registerListener()
            }
        }
        closeAll()
        unregisterListener()
        loop.finished.store(true, ordering: .releasing)
    }

    // MARK: Executor jobs and completions

    /// Runs the tasks' jobs and writes the responses they produced. A few rounds, because a job often
    /// completes a response whose writing lets the next pipelined request start a new task.
    private func runQueuedWork() {
        for _ in 0..<4 {
            loop.takeJobs(into: &jobBatch)
            let executor = loop.asUnownedTaskExecutor()
            for job in jobBatch { job.runSynchronously(on: executor) }
            let ranJobs = !jobBatch.isEmpty
            jobBatch.removeAll(keepingCapacity: true)

            loop.takeCompletions(into: &completionBatch)
            let hadCompletions = !completionBatch.isEmpty
            for completion in completionBatch { finishResponse(completion) }
            completionBatch.removeAll(keepingCapacity: true)
            if !ranJobs && !hadCompletions { return }
        }
    }

    /// Milliseconds until the nearest live deadline (0 when work is queued), capped at one second.
    private func waitTimeout() -> Int32 {
        if loop.hasQueuedWork { return 0 }
        dropStaleDeadlines()
        var nearest: Int64 = 1_000_000_000
        if let top = heap.top { nearest = min(nearest, top.deadline - MonotonicClock.now()) }
        if let resume = acceptResumesAt { nearest = min(nearest, resume - MonotonicClock.now()) }
        if nearest <= 0 { return 0 }
        return Int32((nearest + 999_999) / 1_000_000)
    }

    // MARK: Deadlines

    func armDeadline(_ connection: Connection, after interval: Int64) {
        nextToken &+= 1
        connection.deadlineToken = nextToken
        connection.hasDeadline = true
        heap.push(.init(deadline: now + interval, fd: connection.fd, token: nextToken))
        if heap.count > 2 * liveConnections + 1024 {
            heap.rebuild { isLive($0) }
        }
    }

    func clearDeadline(_ connection: Connection) {
        connection.hasDeadline = false
    }

    private func isLive(_ entry: DeadlineHeap.Entry) -> Bool {
        guard let connection = connection(at: entry.fd) else { return false }
        return connection.hasDeadline && connection.deadlineToken == entry.token
    }

    private func dropStaleDeadlines() {
        while let top = heap.top, !isLive(top) { heap.pop() }
    }

    private func expireDeadlines() {
        while let top = heap.top, top.deadline <= now {
            heap.pop()
            guard isLive(top), let connection = connection(at: top.fd) else { continue }
            connection.hasDeadline = false
            deadlinePassed(connection)
        }
    }

    func connection(at fd: Int32) -> Connection? {
        let index = Int(fd)
        guard index >= 0 && index < connections.count else { return nil }
        return connections[index]
    }

    // MARK: Shutdown

    private func beginDrain() {
        drainStarted = true
        unregisterListener()
        acceptResumesAt = nil
        loop.listenerReleased.store(true, ordering: .releasing)
        for case let connection? in connections {
            switch connection.phase {
            case .idle: close(connection)
            case .readingHead, .readingBody, .responding, .writing, .lingering: connection.keepAlive = false
            }
        }
    }

    private func closeAll() {
        for case let connection? in connections { close(connection) }
    }

    func registerListener() {
        guard !listenerRegistered else { return }
        let events = clinux_epollin() | clinux_epollexclusive()
        if clinux_epoll_add(loop.epollFD, context.listenFD, events, Self.listenerToken) == 0 {
            listenerRegistered = true
        } else {
            context.log(
                "event loop \(loop.index): cannot watch the listener: \(ServerError("epoll_ctl", errno: clinux_errno()))"
            )
        }
    }

    func unregisterListener() {
        guard listenerRegistered else { return }
        _ = clinux_epoll_remove(loop.epollFD, context.listenFD)
        listenerRegistered = false
    }

    var isDraining: Bool { drainStarted }
}
