import Crypto
import Foundation
import Testing

@testable import Database

@Suite struct MigratorTests {
    /// Version 10 alters the table version 2 creates, so it only works when applied after it: by number,
    /// although "10_…" sorts before "2_…" as a string.
    private func writeStandardMigrations(in directory: TemporaryDirectory) throws {
        try directory.write("2_units.sql", "CREATE TABLE units (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n")
        try directory.write("0003_seed.sql", "INSERT INTO units (name) VALUES ('Phường Hoàng Văn Thụ');\n")
        try directory.write(
            "10_unit_code.sql", "ALTER TABLE units ADD COLUMN code TEXT;\nUPDATE units SET code = 'HVT';\n")
        try directory.write("README.md", "not a migration")
    }

    @Test func appliesByVersionNumberAndRecordsChecksums() throws {
        try withTemporaryDirectory { directory in
            try writeStandardMigrations(in: directory)
            let migrator = try Migrator(migrations: Migration.load(directory: directory.path))
            #expect(migrator.migrations.map(\.version) == [2, 3, 10])
            let connection = try openConnection(in: directory)
            #expect(try migrator.pendingMigrations(connection).map(\.version) == [2, 3, 10])
            let applied = try migrator.migrate(connection)
            #expect(applied.map(\.version) == [2, 3, 10])
            #expect(try connection.scalar("SELECT code FROM units", as: String.self) == "HVT")
            let records = try migrator.appliedMigrations(connection)
            #expect(records.map(\.name) == ["units", "seed", "unit_code"])
            let fileBytes = try #require(FileManager.default.contents(atPath: directory.file("2_units.sql")))
            #expect(records.first?.checksum == SHA256.hex(Array(fileBytes)))
            #expect(records.allSatisfy { $0.appliedAt.hasSuffix("Z") && $0.appliedAt.count == 24 })
            #expect(try migrator.pendingMigrations(connection).isEmpty)
        }
    }

    @Test func secondRunAppliesNothing() throws {
        try withTemporaryDirectory { directory in
            try writeStandardMigrations(in: directory)
            let migrator = try Migrator(migrations: Migration.load(directory: directory.path))
            let connection = try openConnection(in: directory)
            try migrator.migrate(connection)
            #expect(try migrator.migrate(connection).isEmpty)
            #expect(try connection.scalar("SELECT count(*) FROM units", as: Int64.self) == 1)
            #expect(try connection.scalar("SELECT count(*) FROM schema_migrations", as: Int64.self) == 3)
        }
    }

    @Test func refusesWhenAnAppliedFileChanged() throws {
        try withTemporaryDirectory { directory in
            try writeStandardMigrations(in: directory)
            let connection = try openConnection(in: directory)
            try Migrator(migrations: Migration.load(directory: directory.path)).migrate(connection)
            try directory.write("0003_seed.sql", "INSERT INTO units (name) VALUES ('Phường 2');\n")
            try directory.write("11_later.sql", "CREATE TABLE later (x);")
            let migrator = try Migrator(migrations: Migration.load(directory: directory.path))
            let error = try #require(throws: MigrationError.self) { try migrator.migrate(connection) }
            guard case .checksumMismatch(let version, let name, _, _) = error else {
                Issue.record("expected a checksum mismatch, got \(error)")
                return
            }
            #expect(version == 3 && name == "seed")
            #expect(error.description.contains("migration 3 (seed) was changed after it was applied"))
            // Nothing ran: not even the new, unrelated migration.
            #expect(
                try connection.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'later'", as: Int64.self) == 0)
        }
    }

    @Test func refusesWhenAnAppliedVersionVanished() throws {
        try withTemporaryDirectory { directory in
            try writeStandardMigrations(in: directory)
            let connection = try openConnection(in: directory)
            try Migrator(migrations: Migration.load(directory: directory.path)).migrate(connection)
            try FileManager.default.removeItem(atPath: directory.file("10_unit_code.sql"))
            let migrator = try Migrator(migrations: Migration.load(directory: directory.path))
            #expect(throws: MigrationError.unknownAppliedVersion(version: 10, name: "unit_code")) {
                try migrator.migrate(connection)
            }
        }
    }

    @Test func failingMigrationRollsBackAloneAndNamesItsFile() throws {
        try withTemporaryDirectory { directory in
            try directory.write("0001_units.sql", "CREATE TABLE units (id INTEGER PRIMARY KEY);")
            try directory.write("0002_broken.sql", "CREATE TABLE half (x);\nINSERT INTO nowhere VALUES (1);")
            try directory.write("0003_after.sql", "CREATE TABLE after (x);")
            let migrator = try Migrator(migrations: Migration.load(directory: directory.path))
            let connection = try openConnection(in: directory)
            let error = try #require(throws: MigrationError.self) { try migrator.migrate(connection) }
            guard case .failed(let version, let source, let sqliteError) = error else {
                Issue.record("expected a failed migration, got \(error)")
                return
            }
            #expect(version == 2 && source == "0002_broken.sql")
            #expect(sqliteError.message == "no such table: nowhere")
            #expect(error.description.contains("0002_broken.sql"))
            let tables = try connection.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                .map { try $0.string(0) }
            #expect(tables == ["schema_migrations", "units"])
            #expect(try migrator.appliedMigrations(connection).map(\.version) == [1])
            #expect(try migrator.pendingMigrations(connection).map(\.version) == [2, 3])
        }
    }

    @Test func loadRefusesMalformedNamesAndDuplicateVersions() throws {
        for badName in ["abc.sql", "0001-units.sql", "0001_.sql", "_units.sql", "0000_zero.sql", "0001_unit s.sql"] {
            try withTemporaryDirectory { directory in
                try directory.write(badName, "SELECT 1;")
                #expect(throws: MigrationError.malformedFileName(fileName: badName, directory: directory.path)) {
                    try Migration.load(directory: directory.path)
                }
            }
        }
        try withTemporaryDirectory { directory in
            try directory.write("0001_units.sql", "SELECT 1;")
            try directory.write("1_again.sql", "SELECT 2;")
            #expect(throws: MigrationError.duplicateVersion(version: 1, first: "0001_units.sql", second: "1_again.sql"))
            {
                try Migration.load(directory: directory.path)
            }
        }
        #expect(throws: MigrationError.self) { try Migration.load(directory: "/nonexistent/qcdc-migrations") }
    }

    @Test func embeddedMigrationsMatchTheirFiles() throws {
        try withTemporaryDirectory { directory in
            let sql = "CREATE TABLE units (id INTEGER PRIMARY KEY, name TEXT NOT NULL); -- Phường\n"
            try directory.write("0001_units.sql", sql)
            let fromFile = try Migration.load(directory: directory.path)
            let embedded = Migration(version: 1, name: "units", sql: sql)
            #expect(fromFile.first?.checksum == embedded.checksum)
            // A database migrated from files accepts the embedded copy, and the reverse.
            let connection = try openConnection(in: directory)
            try Migrator(migrations: fromFile).migrate(connection)
            #expect(try Migrator(migrations: [embedded]).migrate(connection).isEmpty)
            #expect(
                throws: MigrationError.duplicateVersion(
                    version: 1, first: "migration 1 (units)", second: "migration 1 (other)")
            ) {
                try Migrator(migrations: [embedded, Migration(version: 1, name: "other", sql: "")])
            }
        }
    }

    @Test func migratesThroughThePoolWriter() async throws {
        try await withPool { pool, _ in
            let migrator = try Migrator(migrations: [
                Migration(version: 1, name: "units", sql: "CREATE TABLE units (id INTEGER PRIMARY KEY, name TEXT);"),
                Migration(version: 2, name: "seed", sql: "INSERT INTO units (name) VALUES ('Xã Tân Lập');"),
            ])
            let applied = try await pool.exclusiveWrite { try migrator.migrate($0).map(\.version) }
            #expect(applied == [1, 2])
            #expect(try await pool.read { try $0.scalar("SELECT name FROM units", as: String.self) } == "Xã Tân Lập")
        }
    }
}
