import Glibc
import HTTP

/// Where the server listens, its size limits and its deadlines.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 asks the kernel for a free port; `HTTPServer.start()` returns the one it got.
    public var port: Int
    public var limits: HTTPLimits
    /// The whole request head must arrive within this time of its first byte (slow-drip clients are cut off).
    public var headDeadline: Duration
    /// The whole body must arrive within this time after the head (longer for large bodies, see
    /// `minimumBodyBytesPerSecond`).
    public var bodyDeadline: Duration
    /// The slowest transfer rate a body may arrive at: a body of N bytes gets at least N / rate seconds, so a
    /// 20 MB upload over a 1 Mbit/s 3G link (about 160 s) is not cut off by the 30 s `bodyDeadline`. 0 turns the
    /// scaling off.
    public var minimumBodyBytesPerSecond: Int
    /// Bytes each event loop may hold for bodies larger than `limits.maxBodyBytes` (uploads) that are still
    /// arriving. A new large body past it gets 503 with `Retry-After` at once, so a crowd of slow uploads
    /// cannot buffer the server out of memory; the bytes are released when the request is handed to its
    /// handler or its connection closes or times out.
    public var largeBodyBudgetBytes: Int
    /// Bytes all connections together may hold for request bodies still arriving, whatever their size: past it a
    /// new body gets 503 with `Retry-After` at once, so thousands of slow small posts cannot exhaust memory either.
    /// Reserved from the declared length when the head is parsed, released as for `largeBodyBudgetBytes`.
    public var bodyBudgetBytes: Int
    /// A keep-alive connection with no request in progress is closed after this long.
    public var idleDeadline: Duration
    /// The whole response must be written within this time.
    public var writeDeadline: Duration
    /// Connections past this many get a short 503 and are closed.
    public var maxConnections: Int
    /// Connections one peer address may hold open; past it the same short 503. At least 256 by default, so a load
    /// generator or a proxy is not cut off; peers for which `isExemptPeer` is true (trusted proxies, whose one
    /// address stands for many clients) are not capped here: the proxy caps its own clients (see deploy/).
    public var maxConnectionsPerClient: Int
    public var isExemptPeer: @Sendable (String) -> Bool
    /// Event-loop threads, each with its own epoll instance.
    public var eventLoopCount: Int
    /// How long `shutdown()` lets in-flight requests finish.
    public var shutdownGrace: Duration

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        limits: HTTPLimits = HTTPLimits(),
        headDeadline: Duration = .seconds(10),
        bodyDeadline: Duration = .seconds(30),
        minimumBodyBytesPerSecond: Int = 64 * 1024,
        largeBodyBudgetBytes: Int = 64 * 1024 * 1024,
        bodyBudgetBytes: Int = 256 * 1024 * 1024,
        idleDeadline: Duration = .seconds(15),
        writeDeadline: Duration = .seconds(30),
        maxConnections: Int = 4096,
        maxConnectionsPerClient: Int = 256,
        isExemptPeer: @escaping @Sendable (String) -> Bool = { _ in false },
        eventLoopCount: Int = ServerConfiguration.activeProcessorCount,
        shutdownGrace: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.headDeadline = headDeadline
        self.bodyDeadline = bodyDeadline
        self.minimumBodyBytesPerSecond = minimumBodyBytesPerSecond
        self.largeBodyBudgetBytes = largeBodyBudgetBytes
        self.bodyBudgetBytes = bodyBudgetBytes
        self.idleDeadline = idleDeadline
        self.writeDeadline = writeDeadline
        self.maxConnections = maxConnections
        self.maxConnectionsPerClient = maxConnectionsPerClient
        self.isExemptPeer = isExemptPeer
        self.eventLoopCount = eventLoopCount
        self.shutdownGrace = shutdownGrace
    }

    /// Processors this process may run on, at least 1.
    public static var activeProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

extension Duration {
    /// Whole nanoseconds, saturating (deadlines are compared as Int64 nanoseconds of the monotonic clock).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min / 2 : .max / 2 }
        return scaled + attoseconds / 1_000_000_000
    }
}
