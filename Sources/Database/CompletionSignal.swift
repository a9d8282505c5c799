import Synchronization

/// A one-shot event that async code can await: fired when a worker thread has closed its connection.
final class CompletionSignal: Sendable {
    private struct State {
        var isFired = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func fire() {
        let waiters = state.withLock { state in
            state.isFired = true
            let waiters = state.waiters
            state.waiters = []
            return waiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyFired = state.withLock { state in
                if state.isFired { return true }
                state.waiters.append(continuation)
                return false
            }
            if alreadyFired {
                continuation.resume()
            }
        }
    }
}
