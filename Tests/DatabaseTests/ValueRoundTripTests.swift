import Testing

@testable import Database

@Suite struct ValueRoundTripTests {
    /// Writes each value through a bound parameter into an untyped column and reads it back.
    private func roundTrip(_ value: DatabaseValue, in connection: Connection) throws -> DatabaseValue {
        try connection.run("DELETE FROM bucket")
        try connection.run("INSERT INTO bucket (value) VALUES (?)", [value])
        let row = try #require(try connection.queryOne("SELECT value FROM bucket"))
        return try #require(row.value(at: 0))
    }

    @Test func everyStorageClassSurvivesAWriteAndRead() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            try connection.execute("CREATE TABLE bucket (value)")
            let values: [DatabaseValue] = [
                .integer(Int64.min), .integer(Int64.max), .integer(0),
                .real(3.141592653589793), .real(-0.5), .real(1e300),
                .text("Phường Hoàng Văn Thụ"), .text("Quận 1 🇻🇳👍🏽"), .text(""), .text("a\u{0}b"),
                .blob([0, 1, 0, 255, 0]), .blob([]),
                .null,
            ]
            for value in values {
                #expect(try roundTrip(value, in: connection) == value)
            }
        }
    }

    @Test func typedValuesDecodeBackToTheirSwiftTypes() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            try connection.execute("CREATE TABLE sample (i, i32, d, b, s, bytes, missing, present)")
            let name: String? = "Xã Tân Lập"
            let nothing: String? = nil
            try connection.run(
                "INSERT INTO sample VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [42, Int32.min, 2.5, true, "Thụ", [UInt8]([0, 0, 7]), nothing, name])
            let row = try #require(try connection.queryOne("SELECT * FROM sample"))
            #expect(try row.int(0) == 42)
            #expect(try row[1] as Int32 == Int32.min)
            #expect(try row.double("d") == 2.5)
            #expect(try row.bool("b") == true)
            #expect(try row.string("s") == "Thụ")
            #expect(try row.blob("bytes") == [0, 0, 7])
            #expect(try row.optionalString("missing") == nil)
            #expect(try row.optionalString("present") == "Xã Tân Lập")
            #expect(try row["present"] as String? == "Xã Tân Lập")
            // Column names match case-insensitively, as in SQL.
            #expect(try row.int64("I") == 42)
        }
    }

    @Test func integersReadAsDoubleButNotTheOtherWayRound() throws {
        try withTemporaryDirectory { directory in
            let connection = try openConnection(in: directory)
            #expect(try connection.scalar("SELECT 7", as: Double.self) == 7.0)
            #expect(throws: RowDecodingError.self) { try connection.scalar("SELECT 7.5", as: Int64.self) }
            #expect(throws: RowDecodingError.self) { try connection.scalar("SELECT 4294967296", as: Int32.self) }
        }
    }
}
