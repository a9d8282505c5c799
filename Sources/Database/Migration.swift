import Crypto

/// One schema change: a version, a name and the SQL script that applies it.
///
/// The checksum is the SHA-256 of the script's UTF-8 bytes, so a migration embedded in the binary and the
/// same file on disk agree, and an edited file is noticed.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    public let checksum: String
    /// Where it came from, for error messages: the file name, or "version N (name)" for embedded ones.
    public let source: String

    public init(version: Int, name: String, sql: String, source: String? = nil) {
        self.version = version
        self.name = name
        self.sql = sql
        checksum = SHA256.hex(Array(sql.utf8))
        self.source = source ?? "migration \(version) (\(name))"
    }
}
