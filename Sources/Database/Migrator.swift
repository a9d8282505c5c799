/// Brings a database's schema up to date from an ordered list of migrations.
///
/// Applied migrations are recorded in `schema_migrations` with their checksum. Before applying anything
/// the migrator checks that history: a changed or vanished applied migration stops it with an error
/// naming the version, since running on top of an unknown schema risks corrupting data.
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction, so a script must not contain BEGIN or
/// COMMIT, nor pragmas that do nothing inside a transaction (`foreign_keys`, `journal_mode`).
public struct Migrator: Sendable {
    /// Sorted by version number (2 before 10).
    public let migrations: [Migration]

    public init(migrations: [Migration]) throws {
        try Migration.checkUniqueVersions(migrations)
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies every pending migration in version order and returns those it applied.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> [Migration] {
        try createHistoryTable(connection)
        let applied = try appliedMigrations(connection)
        try verify(applied)
        let appliedVersions = Set(applied.map(\.version))
        var newlyApplied: [Migration] = []
        for migration in migrations where !appliedVersions.contains(migration.version) {
            if try apply(migration, on: connection) {
                newlyApplied.append(migration)
            }
        }
        return newlyApplied
    }

    /// Migrations not yet recorded in the database, in the order `migrate` would apply them.
    public func pendingMigrations(_ connection: Connection) throws -> [Migration] {
        let appliedVersions = Set(try appliedMigrations(connection).map(\.version))
        return migrations.filter { !appliedVersions.contains($0.version) }
    }

    /// What `schema_migrations` records, by version; empty for a database never migrated.
    public func appliedMigrations(_ connection: Connection) throws -> [AppliedMigration] {
        let exists = try connection.scalar(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'", as: Int64.self)
        guard exists == 1 else { return [] }
        return try connection.query(
            "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
        )
        .map { row in
            AppliedMigration(
                version: try row.int(0), name: try row.string(1), checksum: try row.string(2),
                appliedAt: try row.string(3))
        }
    }

    private func createHistoryTable(_ connection: Connection) throws {
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                checksum TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
    }

    private func verify(_ applied: [AppliedMigration]) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for record in applied {
            guard let migration = known[record.version] else {
                throw MigrationError.unknownAppliedVersion(version: record.version, name: record.name)
            }
            guard migration.checksum == record.checksum else {
                throw MigrationError.checksumMismatch(
                    version: record.version, name: record.name, recorded: record.checksum, current: migration.checksum)
            }
        }
    }

    /// False when another process applied it between our check and our lock.
    private func apply(_ migration: Migration, on connection: Connection) throws -> Bool {
        do {
            return try connection.transaction(kind: .immediate) {
                let already = try connection.scalar(
                    "SELECT count(*) FROM schema_migrations WHERE version = ?", [migration.version], as: Int64.self)
                guard already == 0 else { return false }
                try connection.execute(migration.sql)
                try connection.run(
                    """
                    INSERT INTO schema_migrations (version, name, checksum, applied_at)
                    VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                    """,
                    [migration.version, migration.name, migration.checksum])
                return true
            }
        } catch let error as SQLiteError {
            throw MigrationError.failed(version: migration.version, source: migration.source, error: error)
        }
    }
}
