/// Why the migrator refused to load or run. Each case names the file or version to look at.
public enum MigrationError: Error, Sendable, Equatable {
    case unreadable(path: String, reason: String)
    case malformedFileName(fileName: String, directory: String)
    case notUTF8(path: String)
    case duplicateVersion(version: Int, first: String, second: String)
    /// An applied migration's script changed since it ran.
    case checksumMismatch(version: Int, name: String, recorded: String, current: String)
    /// The database has a migration that no longer exists in the files (a newer build, or a deleted file).
    case unknownAppliedVersion(version: Int, name: String)
    /// The script failed; it was rolled back, earlier migrations stay applied.
    case failed(version: Int, source: String, error: SQLiteError)
}

extension MigrationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read migrations at \(path): \(reason)"
        case .malformedFileName(let fileName, let directory):
            "migration file \(fileName) in \(directory) is not named NNNN_name.sql (digits, underscore, "
                + "letters/digits/_/-); rename it"
        case .notUTF8(let path):
            "migration file \(path) is not valid UTF-8; save it as UTF-8"
        case .duplicateVersion(let version, let first, let second):
            "migrations \(first) and \(second) both have version \(version); renumber one"
        case .checksumMismatch(let version, let name, let recorded, let current):
            "migration \(version) (\(name)) was changed after it was applied (recorded checksum \(recorded.prefix(12))…, "
                + "file now \(current.prefix(12))…); restore the original file and put the change in a new migration"
        case .unknownAppliedVersion(let version, let name):
            "the database has migration \(version) (\(name)) applied, but no such migration exists here; "
                + "this build is older than the database or a migration file was deleted — refusing to run"
        case .failed(let version, let source, let error):
            "migration \(version) from \(source) failed and was rolled back: \(error.message)"
                + (error.sql.map { " — in: \($0)" } ?? "")
        }
    }
}
