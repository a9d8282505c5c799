import Testing

@testable import Database

@Suite struct ConnectionTests {
    @Test func walAndForeignKeysAreReallyOn() throws {
        try withTemporaryDirectory { directory in
            let connection = try Connection(path: directory.file("db.sqlite"))
            #expect(try connection.scalar("PRAGMA journal_mode", as: String.self) == "wal")
            #expect(try connection.scalar("PRAGMA foreign_keys", as: Int64.self) == 1)
            // FULL is 2.
            #expect(try connection.scalar("PRAGMA synchronous", as: Int64.self) == 2)
            #expect(try connection.scalar("PRAGMA busy_timeout", as: Int64.self) == 5000)
            let normal = try Connection(
                path: directory.file("db.sqlite"), configuration: ConnectionConfiguration(synchronous: .normal))
            #expect(try normal.scalar("PRAGMA synchronous", as: Int64.self) == 1)
        }
    }

    @Test func readOnlyConnectionRefusesWrites() throws {
        try withTemporaryDirectory { directory in
            let writer = try openConnection(in: directory)
            try writer.execute("CREATE TABLE t (x)")
            let reader = try Connection(
                path: directory.file("test.sqlite"), configuration: ConnectionConfiguration(readOnly: true))
            let error = try #require(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (1)") }
            #expect(error.isReadOnly)
        }
    }

    @Test func openingAMissingDirectoryFailsWithThePath() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("no/such/dir/db.sqlite")
            let error = try #require(throws: SQLiteError.self) { try Connection(path: path) }
            #expect(error.message.contains(path))
            #expect(error.description.contains("SQLITE_CANTOPEN"))
        }
    }

    @Test func executeRunsAScriptAndReportsTheFailingStatement() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            try connection.execute(
                """
                -- a comment first
                CREATE TABLE units (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                INSERT INTO units (name) VALUES ('Phường 1');;
                INSERT INTO units (name) VALUES ('Phường 2');
                -- trailing comment
                """)
            #expect(try connection.scalar("SELECT count(*) FROM units", as: Int64.self) == 2)
            let error = try #require(throws: SQLiteError.self) {
                try connection.execute("INSERT INTO units (name) VALUES ('ok'); INSERT INTO nowhere VALUES (1);")
            }
            #expect(error.sql == "INSERT INTO nowhere VALUES (1);")
            #expect(error.message.contains("no such table: nowhere"))
        }
    }

    @Test func prepareRefusesMoreThanOneStatement() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            #expect(throws: SQLiteError.self) { try connection.prepare("SELECT 1; SELECT 2") }
            #expect(try connection.prepare("SELECT 1;  ").columnNames == ["1"])
            #expect(try connection.prepare("SELECT 2; -- why this query exists").columnNames == ["2"])
            #expect(throws: SQLiteError.self) { try connection.prepare("SELECT 1; -- note\nSELECT 2") }
        }
    }

    @Test func statementCacheReusesStatements() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            let baseline = connection.cachedStatementCount
            let first = try connection.cachedStatement("SELECT ?")
            try first.bind(1)
            let second = try connection.cachedStatement("SELECT ?")
            #expect(first === second)
            #expect(try connection.cachedStatement("SELECT ? + 1") !== first)
            #expect(connection.cachedStatementCount == baseline + 2)
            // The reused statement comes back reset, its earlier binding cleared.
            #expect(try second.rows().first?.value(at: 0) == .null)
            for number in 1...10 {
                #expect(try connection.scalar("SELECT ? * 2", [number], as: Int.self) == number * 2)
            }
            #expect(connection.cachedStatementCount == baseline + 3)
        }
    }

    /// Statements are also found by where their text lives: texts built at run time, freed and built again (their
    /// bytes may land where another text's were), small texts copied to the stack, and more texts than the cache
    /// holds must each still get the statement for their own SQL.
    @Test func statementCacheNeverConfusesTexts() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            let limit = connection.configuration.statementCacheLimit
            for round in 0..<3 {
                for number in stride(from: 0, to: limit + 40, by: 7) {
                    let sql = "SELECT ? + " + String(number) + " AS total -- a text long enough to live on the heap"
                    #expect(try connection.scalar(sql, [round], as: Int.self) == number + round)
                    let small = "SELECT " + String(number % 100)
                    #expect(try connection.scalar(small, as: Int.self) == number % 100)
                }
            }
            let literal = "SELECT ? * 3"
            let built = "SELECT ? " + "* 3"
            #expect(try connection.cachedStatement(literal) === connection.cachedStatement(built))
        }
    }

    @Test func bindingChecksCountsAndNames() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            let error = try #require(throws: SQLiteError.self) { try connection.query("SELECT ?, ?", [1]) }
            #expect(error.message.contains("2 parameter(s) but 1 value(s)"))
            let rows = try connection.query("SELECT :name, @age", named: ["name": "Hoa", "@age": 30])
            #expect(try rows.first?.string(0) == "Hoa")
            #expect(try rows.first?.int(1) == 30)
            #expect(throws: SQLiteError.self) { try connection.query("SELECT :name", named: ["nom": "x"]) }
            let missing = try #require(throws: SQLiteError.self) {
                try connection.query("SELECT :name, :age", named: ["name": "Hoa"])
            }
            #expect(missing.message == "no value given for :age")
            // A name used twice is one parameter.
            #expect(try connection.query("SELECT :x + :x", named: [":x": 2]).first?.int(0) == 4)
            let values: [DatabaseValue] = [.text("b"), .null]
            let positional = try connection.query("SELECT ?, ?", values)
            #expect(positional.first?.values == values)
            let statement = try connection.prepare("SELECT ?, ?")
            try statement.bind("a", 2)
            #expect(try statement.rows().first?.values == [.text("a"), .integer(2)])
        }
    }

    @Test func lastInsertRowIDAndChanges() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x)")
            try connection.run("INSERT INTO t (x) VALUES (1)")
            try connection.run("INSERT INTO t (x) VALUES (2)")
            #expect(connection.lastInsertRowID == 2)
            #expect(try connection.run("UPDATE t SET x = x + 1") == 2)
            #expect(connection.changes == 2)
        }
    }
}
