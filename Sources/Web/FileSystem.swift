#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file calls static serving needs, with Swift types in and out.
enum FileSystem {
    struct Metadata: Equatable {
        let size: Int
        let modifiedSeconds: Int
        let modifiedNanoseconds: Int
        let isRegularFile: Bool
        let isDirectory: Bool
    }

    /// An opened regular file: its metadata and a way to read it, closed by `close()`.
    struct OpenFile {
        let descriptor: Int32
        let metadata: Metadata

        /// Reads the whole file; nil if it changed size under us or a read failed.
        func readAll() -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: metadata.size)
            var offset = 0
            while offset < bytes.count {
                let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return pread(descriptor, base + offset, buffer.count - offset, off_t(offset))
                }
                if count > 0 {
                    offset += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    return nil
                }
            }
            return bytes
        }

        func close() {
            _ = closeDescriptor(descriptor)
        }
    }

    /// The canonical absolute path with every symlink resolved, or the errno that stopped it.
    static func resolve(_ path: String) -> Result<String, Errno> {
        guard let resolved = realpath(path, nil) else { return .failure(Errno(code: errno)) }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }

    struct Errno: Error {
        let code: Int32
    }

    static func metadata(atPath path: String) -> Metadata? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Metadata(info)
    }

    /// Opens `path` for reading without following a final symlink (the path is already resolved; a link
    /// swapped in since then is refused) and without blocking on a FIFO.
    static func openForReading(_ path: String) -> OpenFile? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            _ = closeDescriptor(descriptor)
            return nil
        }
        return OpenFile(descriptor: descriptor, metadata: Metadata(info))
    }

    private static func closeDescriptor(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
            Glibc.close(descriptor)
        #else
            Darwin.close(descriptor)
        #endif
    }
}

extension FileSystem.Metadata {
    init(_ info: stat) {
        let kind = info.st_mode & S_IFMT
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        self.init(
            size: Int(info.st_size),
            modifiedSeconds: Int(modified.tv_sec),
            modifiedNanoseconds: Int(modified.tv_nsec),
            isRegularFile: kind == S_IFREG,
            isDirectory: kind == S_IFDIR
        )
    }
}
