import CLinux
import Glibc

/// A plain POSIX thread running one closure, joinable. (Foundation's Thread cannot be joined.)
struct LoopThread: Sendable {
    private final class Entry {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    let id: pthread_t

    /// `name` is what `top -H` and perf show for the thread (15 bytes at most are kept).
    static func start(name: String? = nil, _ body: @escaping @Sendable () -> Void) throws(ServerError) -> LoopThread {
        let entry = Unmanaged.passRetained(Entry(body)).toOpaque()
        var id = pthread_t()
        let result = pthread_create(
            &id, nil,
            { argument in
                guard let argument else { return nil }
                let entry = Unmanaged<Entry>.fromOpaque(argument).takeRetainedValue()
                entry.body()
                return nil
            }, entry)
        guard result == 0 else {
            Unmanaged<Entry>.fromOpaque(entry).release()
            throw ServerError("pthread_create", errno: result)
        }
        // Named from here, so the name is there when `start` returns.
        if let name { clinux_set_thread_name(id, name) }
        return LoopThread(id: id)
    }

    func join() {
        pthread_join(id, nil)
    }

    /// Lets the thread release its resources when it ends, for threads nobody joins.
    func detach() {
        pthread_detach(id)
    }
}
