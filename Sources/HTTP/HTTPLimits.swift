/// Size limits the parser enforces. Deadlines live with the server, which owns time.
public struct HTTPLimits: Sendable, Hashable {
    /// Longest request line, in bytes, before 414.
    public var maxRequestLineBytes: Int
    /// Largest header block (all field lines), in bytes, before 431.
    public var maxHeaderBytes: Int
    /// Most header fields before 431.
    public var maxHeaderCount: Int
    /// Largest body, in bytes, before 413 (refused from `Content-Length` alone, without reading the body).
    public var maxBodyBytes: Int

    public init(
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 16 * 1024,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 1024 * 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
