import Glibc

/// An advisory lock on a file beside the database (`qcdc.sqlite3.lock`), held by `qcdc serve` for its whole life and
/// by `qcdc restore` while it swaps the file: a restore must never replace a database a server has open.
///
/// `flock` locks belong to the open file description, so the kernel drops the lock when the process exits, however
/// it exits: a crashed server leaves no stale lock behind. They do not touch SQLite's own `fcntl` locks.
public final class ExclusiveFileLock {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock without waiting; nil when another process holds it.
    public init?(path: String) throws(FileLockError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileLockError(path: path, errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { return nil }
            throw FileLockError(path: path, errno: code)
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The lock file that guards a database file.
    public static func path(forDatabase databasePath: String) -> String {
        databasePath + ".lock"
    }
}

public struct FileLockError: Error, CustomStringConvertible {
    public let path: String
    public let errno: Int32

    public var description: String {
        "không mở hoặc khóa được tệp \(path): \(String(cString: strerror(errno)))"
    }
}
