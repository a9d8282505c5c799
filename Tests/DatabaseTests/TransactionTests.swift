import Testing

@testable import Database

@Suite struct TransactionTests {
    struct Abort: Error, Equatable {}

    @Test func failingTransactionRollsBackAndRethrows() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            try connection.execute("CREATE TABLE t (x)")
            #expect(throws: Abort()) {
                try connection.transaction {
                    try connection.run("INSERT INTO t VALUES (1)")
                    throw Abort()
                }
            }
            #expect(!connection.isInTransaction)
            #expect(try connection.scalar("SELECT count(*) FROM t", as: Int64.self) == 0)
            let value = try connection.transaction { () -> Int in
                try connection.run("INSERT INTO t VALUES (2)")
                return 2
            }
            #expect(value == 2)
            #expect(try connection.scalar("SELECT count(*) FROM t", as: Int64.self) == 1)
        }
    }

    @Test func nestedTransactionBecomesASavepoint() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            try connection.execute("CREATE TABLE t (x)")
            try connection.transaction {
                try connection.run("INSERT INTO t VALUES ('outer')")
                try? connection.transaction {
                    try connection.run("INSERT INTO t VALUES ('inner')")
                    throw Abort()
                }
                try connection.savepoint("kept") {
                    try connection.run("INSERT INTO t VALUES ('kept')")
                }
            }
            let values = try connection.query("SELECT x FROM t ORDER BY rowid").map { try $0.string(0) }
            #expect(values == ["outer", "kept"])
        }
    }

    @Test func constraintViolationsAreTyped() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            try connection.execute(
                """
                CREATE TABLE units (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
                CREATE TABLE surveys (id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL REFERENCES units(id),
                                      score INTEGER CHECK (score BETWEEN 0 AND 10));
                INSERT INTO units (id, code) VALUES (1, 'P01');
                """)
            let unique = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO units (code) VALUES (?)", ["P01"])
            }
            #expect(unique.isUniqueViolation && unique.isConstraintViolation && !unique.isForeignKeyViolation)
            #expect(unique.message == "UNIQUE constraint failed: units.code")
            #expect(unique.description.contains("SQLITE_CONSTRAINT_UNIQUE"))
            #expect(unique.description.contains("INSERT INTO units"))

            let primaryKey = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO units (id, code) VALUES (1, 'P02')")
            }
            #expect(primaryKey.isUniqueViolation)

            let foreignKey = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO surveys (unit_id) VALUES (99)")
            }
            #expect(foreignKey.isForeignKeyViolation && !foreignKey.isUniqueViolation)

            let notNull = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO units (code) VALUES (?)", [DatabaseValue.null])
            }
            #expect(notNull.isNotNullViolation)

            let check = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO surveys (unit_id, score) VALUES (1, 11)")
            }
            #expect(check.isCheckViolation)
            // The failed statements left the cached ones usable.
            try connection.run("INSERT INTO units (code) VALUES (?)", ["P02"])
            #expect(try connection.scalar("SELECT count(*) FROM units", as: Int64.self) == 2)
        }
    }

    @Test func busyWriterIsReportedAsBusy() throws {
        try withTemporaryDirectory { directory in
            let first = try openConnection(in: directory)
            let second = try Connection(
                path: directory.file("test.sqlite"),
                configuration: ConnectionConfiguration(synchronous: .off, busyTimeout: .milliseconds(20)))
            try first.execute("CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);")
            let error = try #require(throws: SQLiteError.self) { try second.execute("BEGIN IMMEDIATE") }
            #expect(error.isBusy)
            #expect(error.description.contains("another process holds the database lock"))
            try first.execute("COMMIT")
        }
    }
}
