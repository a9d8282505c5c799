/// One result row, copied out of SQLite so it can outlive the statement and cross threads.
///
/// Every accessor throws `RowDecodingError` on a type mismatch or an unknown column instead of trapping:
/// `let id: Int64 = try row[0]`, `try row.string("name")`, `try row.optionalString("phone")`.
public struct Row: Sendable, Hashable {
    public let columnNames: [String]
    public let values: [DatabaseValue]

    public init(columnNames: [String], values: [DatabaseValue]) {
        self.columnNames = columnNames
        self.values = values
    }

    public var count: Int { values.count }

    /// The raw value, or nil when there is no such column.
    public func value(at index: Int) -> DatabaseValue? {
        guard values.indices.contains(index) else { return nil }
        return values[index]
    }

    /// Index of a column by name: exact spelling first, then case-insensitively as SQLite compares names.
    public func index(ofColumn name: String) -> Int? {
        if let exact = columnNames.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        return columnNames.firstIndex { $0.lowercased() == lowered }
    }

    public func decode<T: DatabaseValueConvertible>(_ type: T.Type = T.self, at index: Int) throws -> T {
        guard let value = value(at: index) else {
            throw RowDecodingError.columnIndexOutOfRange(index: index, columnCount: count)
        }
        guard let decoded = T.decode(from: value) else {
            throw RowDecodingError.typeMismatch(
                column: index < columnNames.count ? columnNames[index] : "column\(index)", index: index,
                expected: "\(T.self)", found: value)
        }
        return decoded
    }

    public func decode<T: DatabaseValueConvertible>(_ type: T.Type = T.self, column name: String) throws -> T {
        guard let index = index(ofColumn: name) else {
            throw RowDecodingError.unknownColumn(name: name, available: columnNames)
        }
        return try decode(type, at: index)
    }

    public subscript<T: DatabaseValueConvertible>(index: Int) -> T {
        get throws { try decode(T.self, at: index) }
    }

    public subscript<T: DatabaseValueConvertible>(name: String) -> T {
        get throws { try decode(T.self, column: name) }
    }

    public func int64(_ index: Int) throws -> Int64 { try decode(at: index) }
    public func int64(_ name: String) throws -> Int64 { try decode(column: name) }
    public func int(_ index: Int) throws -> Int { try decode(at: index) }
    public func int(_ name: String) throws -> Int { try decode(column: name) }
    public func double(_ index: Int) throws -> Double { try decode(at: index) }
    public func double(_ name: String) throws -> Double { try decode(column: name) }
    public func bool(_ index: Int) throws -> Bool { try decode(at: index) }
    public func bool(_ name: String) throws -> Bool { try decode(column: name) }
    public func string(_ index: Int) throws -> String { try decode(at: index) }
    public func string(_ name: String) throws -> String { try decode(column: name) }
    public func blob(_ index: Int) throws -> [UInt8] { try decode(at: index) }
    public func blob(_ name: String) throws -> [UInt8] { try decode(column: name) }

    // NULL gives nil; a present value of another type still throws.
    public func optionalInt64(_ index: Int) throws -> Int64? { try decode(at: index) }
    public func optionalInt64(_ name: String) throws -> Int64? { try decode(column: name) }
    public func optionalInt(_ index: Int) throws -> Int? { try decode(at: index) }
    public func optionalInt(_ name: String) throws -> Int? { try decode(column: name) }
    public func optionalDouble(_ index: Int) throws -> Double? { try decode(at: index) }
    public func optionalDouble(_ name: String) throws -> Double? { try decode(column: name) }
    public func optionalString(_ index: Int) throws -> String? { try decode(at: index) }
    public func optionalString(_ name: String) throws -> String? { try decode(column: name) }
    public func optionalBlob(_ index: Int) throws -> [UInt8]? { try decode(at: index) }
    public func optionalBlob(_ name: String) throws -> [UInt8]? { try decode(column: name) }
}
