/// The server's connection counters as the app sees them (the `qcdc` command maps `HTTPServer.statistics` here:
/// the app never imports the server).
public struct ConnectionFigures: Sendable, Equatable {
    public var openConnections: Int
    public var refusedAtConnectionLimit: Int
    public var refusedForBodyBudget: Int
    public var refusedPerClient: Int

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
