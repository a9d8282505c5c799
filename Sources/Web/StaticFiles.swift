import HTTP
import Synchronization

/// Serves the files under one directory, mounted on a catch-all route:
///
///     let assets = try StaticFiles(root: "public")
///     router.get("/static/*path", handler: assets.handler)
///
/// Safety: the path is taken segment by segment from the raw request path. A segment that is empty, starts
/// with a dot (`.`, `..`, dotfiles) or holds `/`, `\` or NUL once decoded is refused, as is any encoded slash
/// or backslash in the raw path. The final path is resolved with `realpath` and must stay inside the root,
/// so a symlink pointing outside is refused too. Every refusal is a plain 404 that reveals nothing.
///
/// Files are read once and kept in memory, keyed by path and checked against size and modification time on
/// each request, so an edited file is picked up without a restart.
public final class StaticFiles: Sendable {
    public let root: String
    public let cacheControl: String
    /// Larger files are not served (this is for a site's own assets, not downloads).
    public let maxFileBytes: Int
    /// The cache stops growing past this total; further files are read on every request.
    public let maxCacheBytes: Int

    private let cache = Mutex(Cache())

    public init(
        root: String,
        cacheControl: String = "public, max-age=3600",
        maxFileBytes: Int = 16 * 1024 * 1024,
        maxCacheBytes: Int = 64 * 1024 * 1024
    ) throws(StaticFilesError) {
        switch FileSystem.resolve(root) {
        case .failure(let failure): throw .rootNotFound(path: root, errno: failure.code)
        case .success(let resolved):
            guard FileSystem.metadata(atPath: resolved)?.isDirectory == true else {
                throw .rootNotDirectory(path: root)
            }
            self.root = resolved
        }
        self.cacheControl = cacheControl
        self.maxFileBytes = maxFileBytes
        self.maxCacheBytes = maxCacheBytes
    }

    public var handler: Handler {
        { request in try self.serve(request) }
    }

    /// Answers a GET or HEAD for the file named by the route's catch-all segments.
    public func serve(_ request: Request) throws(HTTPError) -> Response {
        guard let segments = request.parameters.catchAllSegments, !segments.isEmpty,
            Self.isSafe(rawPath: request.rawPath), segments.allSatisfy(Self.isSafe(segment:))
        else { throw .notFound }
        let candidate = root + "/" + segments.joined(separator: "/")
        // The root itself may be "/", whose children start with "/" and not "//".
        let inside = root.hasSuffix("/") ? root : root + "/"
        guard case .success(let resolved) = FileSystem.resolve(candidate), resolved.hasPrefix(inside),
            let file = cachedOrLoaded(resolved)
        else { throw .notFound }
        return response(for: file, request: request)
    }

    private func response(for file: CachedFile, request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.add("ETag", file.entityTag)
        headers.add("Last-Modified", file.lastModified)
        headers.add("Cache-Control", cacheControl)
        if isNotModified(file, request: request) {
            return Response(status: .notModified, headers: headers)
        }
        headers.add("Content-Type", file.contentType)
        return Response(status: .ok, headers: headers, body: file.bytes)
    }

    /// RFC 9110 §13.2.2: `If-None-Match` decides when present; `If-Modified-Since` only counts without it.
    private func isNotModified(_ file: CachedFile, request: Request) -> Bool {
        let matchValues = request.headers.values(named: "If-None-Match")
        if !matchValues.isEmpty {
            for value in matchValues {
                for tag in value.split(separator: ",") {
                    let trimmed = tag.trimmingSpaces()
                    let strong = trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
                    if trimmed == "*" || strong == file.entityTag { return true }
                }
            }
            return false
        }
        guard let since = request.headers["If-Modified-Since"], let since = HTTPDate.parse(since) else {
            return false
        }
        return file.modifiedSeconds <= since
    }

    private func cachedOrLoaded(_ path: String) -> CachedFile? {
        guard let opened = FileSystem.openForReading(path) else { return nil }
        defer { opened.close() }
        let metadata = opened.metadata
        guard metadata.isRegularFile, metadata.size <= maxFileBytes else { return nil }
        if let cached = cache.withLock({ $0.files[path] }), cached.metadata == metadata {
            return cached
        }
        guard let bytes = opened.readAll() else { return nil }
        let file = CachedFile(path: path, metadata: metadata, bytes: bytes)
        cache.withLock { cache in
            let previous = cache.files[path]?.bytes.count ?? 0
            guard cache.totalBytes - previous + bytes.count <= maxCacheBytes else { return }
            cache.files[path] = file
            cache.totalBytes += bytes.count - previous
        }
        return file
    }

    /// One decoded segment of the requested path.
    static func isSafe(segment: String) -> Bool {
        guard let first = segment.utf8.first, first != UInt8(ascii: ".") else { return false }
        return !segment.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == 0 }
    }

    /// The path as sent: no backslash, and no encoded slash, backslash or NUL, whatever their case.
    static func isSafe(rawPath: String) -> Bool {
        let lowered = rawPath.lowercased()
        return !lowered.contains("\\") && !lowered.contains("%2f") && !lowered.contains("%5c")
            && !lowered.contains("%00")
    }

    private struct Cache {
        var files: [String: CachedFile] = [:]
        var totalBytes = 0
    }
}
