import Crypto
import Glibc

/// Uploaded files on disk, named by the SHA-256 of their content (`<dir>/<first two hex>/<64 hex>`): the same
/// document uploaded twice is stored once, a name can never collide with or overwrite another file, and no
/// name ever comes from a client. The directory belongs outside `Public/` (e.g. `<data dir>/uploads`), so a
/// stored file is only reachable through a handler that checks access.
///
/// Writes go to a temporary file in the same directory, are fsynced, then renamed into place (atomic on one
/// filesystem), and the folder is fsynced: a crash leaves either no file or the whole file.
public struct ContentAddressedStore: Sendable {
    public let directory: String

    /// Creates the directory (and its parents) if needed, owner-only.
    public init(directory: String) throws(UploadStoreError) {
        self.directory = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        try Self.makeDirectories(self.directory)
    }

    /// A writer for one new file; feed it chunks, then `commit()` or `abandon()`.
    public func makeWriter() throws(UploadStoreError) -> ContentWriter {
        try ContentWriter(directory: directory)
    }

    /// Stores bytes already in memory.
    public func store(_ bytes: [UInt8]) throws(UploadStoreError) -> StoredContent {
        let writer = try makeWriter()
        try writer.write(bytes)
        return try writer.commit()
    }

    public func contains(_ hash: ContentHash) -> Bool {
        access(path(of: hash), F_OK) == 0
    }

    /// The size of a stored file, or nil if there is none with that hash.
    public func size(of hash: ContentHash) throws(UploadStoreError) -> Int? {
        var info = stat()
        guard stat(path(of: hash), &info) == 0 else {
            if errno == ENOENT { return nil }
            throw UploadStoreError("stat", path: path(of: hash))
        }
        return Int(info.st_size)
    }

    /// The whole content of a stored file, or nil if there is none with that hash.
    public func contents(of hash: ContentHash) throws(UploadStoreError) -> [UInt8]? {
        let path = path(of: hash)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw UploadStoreError("open", path: path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw UploadStoreError("fstat", path: path) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw UploadStoreError("read", path: path, code: count == 0 ? EIO : errno) }
            offset += count
        }
        return bytes
    }

    func path(of hash: ContentHash) -> String { "\(directory)/\(hash.relativePath)" }

    static func makeDirectories(_ path: String) throws(UploadStoreError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { throw UploadStoreError("mkdir", path: prefix) }
            prefix += "/"
        }
    }

    /// Makes a rename or a new entry in `path` durable.
    static func syncDirectory(_ path: String) throws(UploadStoreError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw UploadStoreError("open", path: path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw UploadStoreError("fsync", path: path) }
    }
}
