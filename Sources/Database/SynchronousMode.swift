/// `PRAGMA synchronous`: how hard SQLite pushes each commit to the disk.
public enum SynchronousMode: String, Sendable {
    /// Never fsync; fastest, loses recent commits (and may corrupt) on power loss. Tests only.
    case off = "OFF"
    /// In WAL mode: durable against application crashes; a power loss may drop the last commits.
    case normal = "NORMAL"
    /// fsync the WAL on every commit: a commit that returned survives a power loss. The writer default.
    case full = "FULL"
}
