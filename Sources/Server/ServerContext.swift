import HTTP
import Synchronization

/// What every event loop shares: the configuration in loop units, the responder, the listening socket and
/// the server-wide connection count.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let errorPage: @Sendable (HTTPStatus) -> HTTPResponse
    let log: @Sendable (String) -> Void
    let listenFD: Int32

    let headDeadline: Int64
    let bodyDeadline: Int64
    let idleDeadline: Int64
    let writeDeadline: Int64

    /// The body deadline for a body of `length` bytes: `bodyDeadline`, or longer at the minimum transfer rate.
    func bodyDeadline(forLength length: Int) -> Int64 {
        let rate = configuration.minimumBodyBytesPerSecond
        guard rate > 0 else { return bodyDeadline }
        let (scaled, overflow) = Int64(length).multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .max / 2 }
        return max(bodyDeadline, scaled / Int64(rate))
    }

    /// Open connections across all loops; the limit is checked against it on accept.
    let openConnections = Atomic<Int>(0)
    /// Connections answered 503 at `maxConnections`, and bodies refused for the large-body budget (for `/metrics`).
    let refusedAtConnectionLimit = Atomic<Int>(0)
    let refusedForBodyBudget = Atomic<Int>(0)
    /// Open connections per peer address (exempt peers are not entered), shared by the loops; touched on accept and
    /// close only.
    let connectionsByPeer = Mutex<[String: Int]>([:])
    let refusedPerClient = Atomic<Int>(0)

    /// Counts a new connection from `peer`; false when the peer already holds its share.
    func admit(peer: String) -> Bool {
        connectionsByPeer.withLock { counts in
            let open = counts[peer, default: 0]
            guard open < configuration.maxConnectionsPerClient else { return false }
            counts[peer] = open + 1
            return true
        }
    }

    func release(peer: String) {
        connectionsByPeer.withLock { counts in
            let open = counts[peer, default: 0] - 1
            counts[peer] = open > 0 ? open : nil
        }
    }

    /// Bytes of `bodyBudgetBytes` reserved by bodies still arriving, across all loops.
    let bodyBytesInUse = Atomic<Int>(0)

    init(
        configuration: ServerConfiguration,
        responder: any HTTPResponder,
        errorPage: @escaping @Sendable (HTTPStatus) -> HTTPResponse,
        log: @escaping @Sendable (String) -> Void,
        listenFD: Int32
    ) {
        self.configuration = configuration
        self.responder = responder
        self.errorPage = errorPage
        self.log = log
        self.listenFD = listenFD
        headDeadline = configuration.headDeadline.nanoseconds
        bodyDeadline = configuration.bodyDeadline.nanoseconds
        idleDeadline = configuration.idleDeadline.nanoseconds
        writeDeadline = configuration.writeDeadline.nanoseconds
    }
}
