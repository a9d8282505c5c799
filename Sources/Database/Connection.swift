import CSQLite

/// One SQLite connection, opened with SQLITE_OPEN_NOMUTEX: not Sendable, use it from one thread at a time.
///
/// Servers go through `DatabasePool`, which gives each connection its own thread. Command-line tools
/// (imports, migrations, maintenance) can simply open a `Connection` and use it synchronously:
///
///     let connection = try Connection(path: "var/qcdc.sqlite")
///     try Migrator(migrations: Migration.load(directory: "Migrations")).migrate(connection)
public final class Connection {
    let handle: OpaquePointer
    public let path: String
    public let configuration: ConnectionConfiguration
    private var statementCache: [String: Statement] = [:]
    /// The same statements by where their text lives (see `cachedStatement`).
    private var statementsByTextAddress: [Int: (sql: String, statement: Statement)] = [:]
    /// The texts of a savepoint's statements by its name, built once (see `savepoint`).
    var savepointTexts: [String: SavepointTexts] = [:]
    /// Set by the group-commit writer while a batched job runs: `addToCounter` then collects here instead of
    /// writing, and the writer sums the additions of the batch's jobs.
    var deferredAdditions: [CounterAddition]?

    /// Process-wide settings, which SQLite accepts only before its first connection opens.
    private static let processSettings: Void = {
        _ = csqlite_disable_memory_statistics()
    }()

    public init(path: String, configuration: ConnectionConfiguration = ConnectionConfiguration()) throws {
        Self.processSettings
        self.path = path
        self.configuration = configuration
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= configuration.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let error = SQLiteError(code: code, connection: opened)
            // Even a failed open allocates a handle that must be closed.
            sqlite3_close_v2(opened)
            throw SQLiteError(extendedCode: error.extendedCode, message: "\(error.message): \(path)")
        }
        handle = opened
        sqlite3_extended_result_codes(handle, 1)
        do {
            try applyPragmas()
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        statementsByTextAddress.removeAll()
        statementCache.removeAll()
        // close_v2 defers the close until statements still held elsewhere are finalized.
        sqlite3_close_v2(handle)
    }

    private func applyPragmas() throws {
        sqlite3_busy_timeout(handle, configuration.busyTimeoutMilliseconds)
        if configuration.journalModeWAL {
            // A read-only connection cannot switch modes; it only confirms what the writer set.
            let sql = configuration.readOnly ? "PRAGMA journal_mode" : "PRAGMA journal_mode=WAL"
            let mode = try scalar(sql, as: String.self)
            guard mode?.lowercased() == "wal" else {
                throw SQLiteError(
                    extendedCode: SQLITE_ERROR,
                    message: "journal_mode is \(mode ?? "unknown") instead of WAL for \(path)"
                        + " (WAL needs a real file on a local filesystem)",
                    sql: sql)
            }
        }
        if !configuration.readOnly {
            try execute("PRAGMA synchronous=\(configuration.synchronous.rawValue)")
        }
        let foreignKeys = configuration.foreignKeys ? 1 : 0
        try execute("PRAGMA foreign_keys=\(foreignKeys)")
        // The pragma is silently ignored inside a transaction or in builds without foreign keys: check it.
        guard try scalar("PRAGMA foreign_keys", as: Int64.self) == Int64(foreignKeys) else {
            throw SQLiteError(
                extendedCode: SQLITE_ERROR, message: "PRAGMA foreign_keys=\(foreignKeys) did not take effect", sql: nil)
        }
    }

    /// Runs a script of one or more statements separated by semicolons, discarding any rows.
    /// On failure the error carries the statement that failed, not the whole script.
    public func execute(_ script: String) throws {
        let bytes = Array(script.utf8CString)
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let length = buffer.count - 1  // without the terminating NUL
            var offset = 0
            while offset < length {
                var statementHandle: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(
                    handle, base + offset, Int32(clamping: length - offset), &statementHandle, &tail)
                let next = tail.map { $0 - base } ?? length
                let text = String(
                    decoding: UnsafeRawBufferPointer(start: base + offset, count: max(0, next - offset)), as: UTF8.self
                ).trimmingWhitespace
                guard code == SQLITE_OK else {
                    throw SQLiteError(code: code, connection: handle, sql: text)
                }
                if let statementHandle {
                    try Statement(handle: statementHandle, sql: text).run()
                }
                // A comment or a lone semicolon prepares to nothing; stop only when SQLite made no progress.
                guard next > offset else { break }
                offset = next
            }
        }
    }

    /// Prepares exactly one statement; use `execute` for scripts. A trailing `;` or comment is fine.
    public func prepare(_ sql: String) throws -> Statement {
        var statementHandle: OpaquePointer?
        var holdsMore = false
        let code = sql.withCString { base -> Int32 in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v2(handle, base, -1, &statementHandle, &tail)
            if code == SQLITE_OK, let tail, tail.pointee != 0 {
                // Whatever follows must prepare to nothing: only whitespace, semicolons or comments.
                var extra: OpaquePointer?
                let extraCode = sqlite3_prepare_v2(handle, tail, -1, &extra, nil)
                holdsMore = extraCode != SQLITE_OK || extra != nil
                sqlite3_finalize(extra)
            }
            return code
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, connection: handle, sql: sql)
        }
        guard let statementHandle else {
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql)
        }
        let statement = Statement(handle: statementHandle, sql: sql)
        guard !holdsMore else {
            throw SQLiteError(
                extendedCode: SQLITE_MISUSE,
                message: "prepare takes one statement; this SQL holds more (use execute for scripts)", sql: sql)
        }
        return statement
    }

    /// A prepared statement kept for reuse, reset with its bindings cleared. Do not hold it across another
    /// call with the same SQL: both would share one statement.
    public func cachedStatement(_ sql: String) throws -> Statement {
        // Most SQL is a string literal, whose bytes never move: the address of the text finds its statement with
        // one integer hashed instead of the whole text, several times per stored answer. The entry holds its string,
        // so while it lives no other text can have that address, and the check below is then an identity check; a
        // small string's bytes are copied to the stack, where a different text may come to the same address, and
        // the check sends it the long way.
        let address = sql.utf8.withContiguousStorageIfAvailable { Int(bitPattern: $0.baseAddress) } ?? 0
        if let found = statementsByTextAddress[address], found.sql == sql {
            found.statement.reset()
            return found.statement
        }
        let statement: Statement
        if let cached = statementCache[sql] {
            cached.reset()
            statement = cached
        } else {
            statement = try prepare(sql)
            if statementCache.count >= configuration.statementCacheLimit {
                statementCache.removeAll(keepingCapacity: true)
                statementsByTextAddress.removeAll(keepingCapacity: true)
            }
            statementCache[sql] = statement
        }
        if statementsByTextAddress.count >= configuration.statementCacheLimit {
            statementsByTextAddress.removeAll(keepingCapacity: true)
        }
        statementsByTextAddress[address] = (sql, statement)
        return statement
    }

    var cachedStatementCount: Int { statementCache.count }

    /// Row id of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// True inside BEGIN … COMMIT.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
