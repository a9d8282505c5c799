/// A row of `schema_migrations`: a migration the database says it has.
public struct AppliedMigration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let checksum: String
    /// ISO-8601 UTC, as SQLite's clock wrote it.
    public let appliedAt: String
}
