import CLinux
import Glibc
import HTTP
import Synchronization

/// The thread-safe face of one event-loop thread: a Swift `TaskExecutor` (SE-0417) whose jobs the loop runs
/// between epoll waits, plus the queue through which finished handlers hand their responses back.
///
/// A request's task is started at once (`Task.immediate`) with this executor as its preference, so a handler that
/// never suspends runs to completion on the loop thread inside that call, and one that awaits elsewhere (a database
/// thread) resumes here through `enqueue`.
/// Everything the loop alone touches lives in `Reactor`, which never leaves its thread.
final class EventLoop: TaskExecutor, Sendable {
    /// A response ready to be written on connection `fd`, if it is still connection `serial`.
    struct Completion: Sendable {
        let fd: Int32
        let serial: UInt64
        let response: HTTPResponse
    }

    let index: Int
    let epollFD: Int32
    let wakeFD: Int32

    private let jobs = Mutex<[UnownedJob]>([])
    private let completions = Mutex<[Completion]>([])
    /// A wake-up write is outstanding; spares the eventfd syscall when many enqueues arrive together.
    private let wakePending = Atomic<Bool>(false)
    private let loopThread = Atomic<UInt>(0)

    /// Set by `HTTPServer.shutdown()`: stop accepting, finish in-flight requests, close the rest.
    let draining = Atomic<Bool>(false)
    /// Set when the grace period is over: close everything now and return.
    let stopping = Atomic<Bool>(false)
    /// The loop no longer watches the listening socket (so it can be closed safely).
    let listenerReleased = Atomic<Bool>(false)
    let finished = Atomic<Bool>(false)

    init(index: Int) throws(ServerError) {
        self.index = index
        let epollFD = clinux_epoll_create()
        guard epollFD >= 0 else { throw ServerError("epoll_create1", errno: clinux_errno()) }
        let wakeFD = clinux_eventfd_create()
        guard wakeFD >= 0 else {
            let error = ServerError("eventfd", errno: clinux_errno())
            close(epollFD)
            throw error
        }
        self.epollFD = epollFD
        self.wakeFD = wakeFD
    }

    deinit {
        close(epollFD)
        close(wakeFD)
    }

    // MARK: TaskExecutor

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
        wakeUnlessOnLoopThread()
    }

    // MARK: Handing work to the loop

    func complete(_ completion: Completion) {
        completions.withLock { $0.append(completion) }
        wakeUnlessOnLoopThread()
    }

    /// Interrupts the loop's epoll wait (for shutdown, or work queued from another thread).
    func wake() {
        if !wakePending.exchange(true, ordering: .acquiringAndReleasing) {
            _ = clinux_eventfd_signal(wakeFD)
        }
    }

    // MARK: Used by the loop thread

    func markLoopThread() {
        loopThread.store(UInt(pthread_self()), ordering: .releasing)
    }

    /// Called when the eventfd fired, before draining the queues: any enqueue after this wakes again.
    func acknowledgeWake() {
        _ = clinux_eventfd_drain(wakeFD)
        wakePending.store(false, ordering: .releasing)
    }

    /// Swaps the queued jobs into `batch` (empty on entry), so the loop reuses one array between iterations.
    func takeJobs(into batch: inout [UnownedJob]) {
        jobs.withLock { swap(&$0, &batch) }
    }

    func takeCompletions(into batch: inout [Completion]) {
        completions.withLock { swap(&$0, &batch) }
    }

    var hasQueuedWork: Bool {
        jobs.withLock { !$0.isEmpty } || completions.withLock { !$0.isEmpty }
    }

    private func wakeUnlessOnLoopThread() {
        if loopThread.load(ordering: .acquiring) != UInt(pthread_self()) { wake() }
    }
}
