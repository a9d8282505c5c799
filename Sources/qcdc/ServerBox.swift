import Server
import Synchronization

/// Holds the server once it exists, for the `/metrics` closure built before it.
final class ServerBox: Sendable {
    private let stored = Mutex<HTTPServer?>(nil)

    var server: HTTPServer? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
