import Crypto
import Glibc

/// One file on its way into a `ContentAddressedStore`: chunks are written to a temporary file and hashed as
/// they come, so an upload never needs to be whole in memory twice. Not shared between tasks; a writer that
/// is neither committed nor abandoned removes its temporary file when it goes away.
public final class ContentWriter {
    private let directory: String
    private let temporaryPath: String
    private var fd: Int32
    private var hasher = SHA256Hasher()
    public private(set) var size = 0

    init(directory: String) throws(UploadStoreError) {
        self.directory = directory
        temporaryPath = "\(directory)/.incoming-\(Hex.encode(SecureRandom.bytes(12)))"
        fd = open(temporaryPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw UploadStoreError("create", path: temporaryPath) }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
        }
    }

    public func write(_ bytes: [UInt8]) throws(UploadStoreError) {
        // withUnsafeBytes only rethrows untyped errors, so carry the typed one out in a Result.
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(UploadStoreError) in try write(buffer) } }
        try result.get()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(UploadStoreError) {
        guard fd >= 0 else { throw UploadStoreError("write", path: temporaryPath, code: EBADF) }
        hasher.update(bytes)
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw UploadStoreError("write", path: temporaryPath, code: count == 0 ? EIO : errno)
            }
            offset += count
        }
        size += bytes.count
    }

    /// Lets `body` look at everything written so far (mapped, not copied), e.g. to sniff the file's type
    /// before deciding to keep it.
    public func withContents<Result>(_ body: (UnsafeRawBufferPointer) -> Result) throws(UploadStoreError) -> Result {
        guard fd >= 0 else { throw UploadStoreError("mmap", path: temporaryPath, code: EBADF) }
        guard size > 0 else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw UploadStoreError("mmap", path: temporaryPath)
        }
        defer { munmap(mapped, size) }
        return body(UnsafeRawBufferPointer(start: mapped, count: size))
    }

    /// Makes the file durable under its hash and returns it. When the same content is already stored, the
    /// temporary copy is dropped.
    public func commit() throws(UploadStoreError) -> StoredContent {
        guard fd >= 0 else { throw UploadStoreError("commit", path: temporaryPath, code: EBADF) }
        guard fsync(fd) == 0 else { throw UploadStoreError("fsync", path: temporaryPath) }
        close(fd)
        fd = -1
        let digest = hasher.finalize()
        hasher = SHA256Hasher()
        guard let hash = ContentHash(Hex.encode(digest)) else {
            unlink(temporaryPath)
            throw UploadStoreError("hash", path: temporaryPath, code: EINVAL)
        }
        let folder = "\(directory)/\(hash.hex.prefix(2))"
        let finalPath = "\(directory)/\(hash.relativePath)"
        do throws(UploadStoreError) {
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw UploadStoreError("mkdir", path: folder) }
            if access(finalPath, F_OK) == 0 {
                unlink(temporaryPath)
            } else {
                guard rename(temporaryPath, finalPath) == 0 else { throw UploadStoreError("rename", path: finalPath) }
                try ContentAddressedStore.syncDirectory(folder)
            }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        return StoredContent(hash: hash, size: size)
    }

    /// Drops the file (a refused upload leaves nothing behind).
    public func abandon() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        unlink(temporaryPath)
    }
}
