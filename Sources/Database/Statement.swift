import CSQLite

/// A prepared statement. Not Sendable: it belongs to its connection's thread.
///
/// Typical use: `bind`, then `step()` until it returns false (or `rows()` to collect them), then `reset()`
/// before binding again. Statements from `Connection.cachedStatement` come back already reset.
public final class Statement {
    let handle: OpaquePointer
    /// The SQL as written, for error messages.
    public let sql: String
    public let columnNames: [String]

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
        let count = Int(sqlite3_column_count(handle))
        columnNames = (0..<count).map { index in
            sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? "column\(index)"
        }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    var connectionHandle: OpaquePointer? { sqlite3_db_handle(handle) }

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// True when the statement cannot change the database (SELECT, most PRAGMA reads).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Advances one row. Returns true when a row is available, false when the statement is done.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let error = SQLiteError(code: code, connection: connectionHandle, sql: sql)
            // Leaves the statement reusable; with prepare_v2 reset returns the same error, nothing new.
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs the statement to completion, ignoring any rows.
    public func run() throws {
        while try step() {}
    }

    /// Steps to the end and collects every row.
    public func rows() throws -> [Row] {
        var collected: [Row] = []
        while try step() {
            collected.append(currentRow())
        }
        return collected
    }

    /// Makes the statement ready to run again and forgets its bindings.
    public func reset() {
        // The return value repeats the last step's error, already reported by `step`.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The row the last `step()` stopped on.
    public func currentRow() -> Row {
        Row(columnNames: columnNames, values: (0..<columnNames.count).map { columnValue(at: Int32($0)) })
    }

    func columnValue(at index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // Text first, then its byte length: the documented order, and no reliance on NUL termination.
            guard let pointer = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            // A zero-length blob comes back as a NULL pointer.
            guard let pointer = sqlite3_column_blob(handle, index) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, index))
            let bytes = UnsafeRawBufferPointer(start: pointer, count: count)
            return .blob(Array(bytes))
        default:
            return .null
        }
    }
}
