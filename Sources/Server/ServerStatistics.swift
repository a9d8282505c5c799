/// The server's counters at one moment (`HTTPServer.statistics`).
public struct ServerStatistics: Sendable, Equatable {
    public var openConnections = 0
    /// Connections answered 503 because `maxConnections` were open.
    public var refusedAtConnectionLimit = 0
    /// Request bodies answered 503 because the large-body budget was in use.
    public var refusedForBodyBudget = 0
    /// Connections answered 503 because their peer already held `maxConnectionsPerClient`.
    public var refusedPerClient = 0

    public init(
        openConnections: Int = 0, refusedAtConnectionLimit: Int = 0, refusedForBodyBudget: Int = 0,
        refusedPerClient: Int = 0
    ) {
        self.openConnections = openConnections
        self.refusedAtConnectionLimit = refusedAtConnectionLimit
        self.refusedForBodyBudget = refusedForBodyBudget
        self.refusedPerClient = refusedPerClient
    }
}
