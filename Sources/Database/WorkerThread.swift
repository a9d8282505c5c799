import CLinux
import Dispatch
import Foundation
import Synchronization

/// Starts the dedicated threads that own the pool's connections. SQLite calls block (disk, busy waits),
/// so they must never run on Swift's cooperative pool, which has only one thread per core.
enum WorkerThread {
    /// Opens a connection on a new thread and hands it to `serve` for the thread's whole life. Returns
    /// once the connection is open, or throws why it could not open. The returned signal fires after
    /// `serve` returned and the connection is closed.
    static func start(
        name: String,
        path: String,
        configuration: ConnectionConfiguration,
        serve: @escaping @Sendable (Connection) -> Void
    ) throws -> CompletionSignal {
        let finished = CompletionSignal()
        let startup = StartupReport()
        let thread = Thread {
            // Foundation keeps `Thread.name` to itself on Linux; the kernel's name is what top -H and perf show.
            clinux_set_thread_name(pthread_self(), name)
            own(path: path, configuration: configuration, startup: startup, serve: serve)
            finished.fire()
        }
        thread.name = name
        thread.start()
        try startup.wait()
        return finished
    }

    /// A separate function so the connection is released, and closed, when it returns.
    private static func own(
        path: String,
        configuration: ConnectionConfiguration,
        startup: StartupReport,
        serve: @Sendable (Connection) -> Void
    ) {
        let connection: Connection
        do {
            connection = try Connection(path: path, configuration: configuration)
        } catch {
            startup.report(.failure(error))
            return
        }
        startup.report(.success(()))
        serve(connection)
    }
}

/// Carries the outcome of opening a connection from the worker thread back to the pool's initializer.
private final class StartupReport: Sendable {
    private let outcome = Mutex<Result<Void, any Error>?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    func report(_ result: Result<Void, any Error>) {
        outcome.withLock { $0 = result }
        ready.signal()
    }

    func wait() throws {
        ready.wait()
        try outcome.withLock { $0 }?.get()
    }
}
