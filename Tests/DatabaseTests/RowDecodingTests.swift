import Testing

@testable import Database

@Suite struct RowDecodingTests {
    let row = Row(columnNames: ["id", "name", "score"], values: [.integer(1), .text("Lan"), .null])

    @Test func typeMismatchNamesTheColumnAndWhatWasFound() throws {
        let error = try #require(throws: RowDecodingError.self) { try row.int64("name") }
        #expect(error == .typeMismatch(column: "name", index: 1, expected: "Int64", found: .text("Lan")))
        #expect(error.description.contains("column 1 \"name\" holds TEXT 'Lan'"))
    }

    @Test func nullIsAnErrorForNonOptionalAndNilForOptional() throws {
        #expect(throws: RowDecodingError.typeMismatch(column: "score", index: 2, expected: "Double", found: .null)) {
            try row.double(2)
        }
        #expect(try row.optionalDouble("score") == nil)
        // An optional accessor still refuses a value of the wrong type.
        #expect(throws: RowDecodingError.self) { try row.optionalInt64("name") }
    }

    @Test func missingColumnsThrowInsteadOfTrapping() throws {
        #expect(throws: RowDecodingError.columnIndexOutOfRange(index: 3, columnCount: 3)) { try row.string(3) }
        #expect(throws: RowDecodingError.columnIndexOutOfRange(index: -1, columnCount: 3)) { try row.string(-1) }
        let error = try #require(throws: RowDecodingError.self) { try row.string("phone") }
        #expect(error == .unknownColumn(name: "phone", available: ["id", "name", "score"]))
    }

    @Test func boolAcceptsOnlyZeroAndOne() throws {
        let flags = Row(columnNames: ["yes", "no", "two"], values: [.integer(1), .integer(0), .integer(2)])
        #expect(try flags.bool(0) == true)
        #expect(try flags.bool(1) == false)
        #expect(throws: RowDecodingError.self) { try flags.bool(2) }
    }
}
