import HTTP

/// One client connection, owned by the reactor of the loop that accepted it and touched only on that thread.
final class Connection {
    enum Phase {
        /// Between requests: nothing buffered (idle deadline).
        case idle
        /// Some bytes of a request head arrived (head deadline).
        case readingHead
        /// The head is parsed; body bytes are arriving (body deadline).
        case readingBody
        /// The handler is running; no deadline, reading paused.
        case responding
        /// The response is partly written; waiting for EPOLLOUT (write deadline).
        case writing
        /// The last response is sent and our side shut down; discarding input until the peer closes, so
        /// unread bytes do not turn our close into a reset that destroys the response in flight.
        case lingering
    }

    let fd: Int32
    /// Distinguishes this connection from a later one that reuses the same fd number.
    let serial: UInt64
    let remoteAddress: String
    /// Counts against `maxConnections` (a rejected over-limit socket lingering for its 503 does not).
    let counted: Bool

    var parser: HTTPRequestParser
    var phase = Phase.idle
    /// The epoll events currently registered.
    var interest: UInt32

    /// Bytes of this loop's large-body budget held for the body being read (0 for ordinary bodies).
    var reservedBodyBytes = 0
    /// Its share of the server-wide body budget (`ServerConfiguration.bodyBudgetBytes`).
    var reservedSharedBodyBytes = 0
    /// Entered in `ServerContext.connectionsByPeer` (not for exempt peers).
    var countedForPeer = false

    var keepAlive = true
    /// The request being answered said `Connection: close` (or was HTTP/1.0 without keep-alive): the client sends
    /// nothing after it (RFC 9112 §9.6).
    var clientClosesAfterResponse = false
    var isHeadRequest = false
    var closeAfterWrite = false
    var writeBuffer: [UInt8] = []
    var writeOffset = 0

    /// The token of the heap entry that is the current deadline; older entries for this connection are stale.
    var deadlineToken: UInt64 = 0
    var hasDeadline = false

    init(fd: Int32, serial: UInt64, remoteAddress: String, limits: HTTPLimits, interest: UInt32, counted: Bool) {
        self.counted = counted
        self.fd = fd
        self.serial = serial
        self.remoteAddress = remoteAddress
        self.parser = HTTPRequestParser(limits: limits)
        self.interest = interest
    }
}
