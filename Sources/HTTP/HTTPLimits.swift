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
    /// Largest body, in bytes, for a request matching one of `uploadTargets` (413 from `Content-Length` alone
    /// above it). Only those targets get it: every other route keeps `maxBodyBytes`.
    public var uploadBodyBytes: Int
    /// The routes that accept uploads, as data (method and path pattern), decided when the head is parsed.
    public var uploadTargets: [UploadTarget]

    public init(
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 16 * 1024,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 1024 * 1024,
        uploadBodyBytes: Int = 20 * 1024 * 1024 + 64 * 1024,
        uploadTargets: [UploadTarget] = []
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.uploadBodyBytes = uploadBodyBytes
        self.uploadTargets = uploadTargets
    }

    /// The largest body this request line may carry: the upload allowance for an upload target (never less
    /// than the ordinary limit), `maxBodyBytes` for everything else.
    public func maxBodyBytes(method: HTTPMethod, rawPath: String) -> Int {
        guard uploadTargets.contains(where: { $0.matches(method: method, rawPath: rawPath) }) else {
            return maxBodyBytes
        }
        return max(maxBodyBytes, uploadBodyBytes)
    }
}
