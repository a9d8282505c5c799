import CSQLite

/// An error reported by SQLite, with everything an operator needs to act on it.
///
/// Catch by meaning rather than by number: `error.isUniqueViolation`, `error.isBusy`, …
public struct SQLiteError: Error, Sendable, Equatable {
    /// The extended result code (e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE); the low byte is the primary code.
    public let extendedCode: Int32
    /// SQLite's own message, e.g. "UNIQUE constraint failed: users.email".
    public let message: String
    /// The statement being run, when there was one.
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the message from the connection right after a failing call.
    init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
        let message: String
        if let connection, let text = sqlite3_errmsg(connection) {
            message = String(cString: text)
        } else {
            message = String(cString: sqlite3_errstr(code))
        }
        self.init(extendedCode: code, message: message, sql: sql)
    }

    public var primaryCode: Int32 { extendedCode & 0xFF }

    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }
    public var isUniqueViolation: Bool {
        extendedCode == SQLiteError.constraintUnique || extendedCode == SQLiteError.constraintPrimaryKey
    }
    public var isForeignKeyViolation: Bool { extendedCode == SQLiteError.constraintForeignKey }
    public var isNotNullViolation: Bool { extendedCode == SQLiteError.constraintNotNull }
    public var isCheckViolation: Bool { extendedCode == SQLiteError.constraintCheck }
    /// Another connection holds the lock longer than the busy timeout.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    public var isReadOnly: Bool { primaryCode == SQLITE_READONLY }

    // The extended constraint codes are C macros built from shifts, which Swift does not import.
    static let constraintCheck = SQLITE_CONSTRAINT | (1 << 8)
    static let constraintCommitHook = SQLITE_CONSTRAINT | (2 << 8)
    static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    static let constraintNotNull = SQLITE_CONSTRAINT | (5 << 8)
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
}

extension SQLiteError: CustomStringConvertible {
    public var description: String {
        var text = "SQLite error \(extendedCode) (\(SQLiteError.name(of: extendedCode))): \(message)"
        if let sql {
            let oneLine = sql.split(whereSeparator: \.isNewline).joined(separator: " ")
            text += " — while running: " + (oneLine.count > 200 ? String(oneLine.prefix(200)) + "…" : oneLine)
        }
        if let hint = SQLiteError.hint(for: primaryCode) {
            text += " — " + hint
        }
        return text
    }

    /// What an operator can do about the common operational failures.
    static func hint(for primaryCode: Int32) -> String? {
        switch primaryCode {
        case SQLITE_BUSY, SQLITE_LOCKED:
            "another process holds the database lock; check for a second server or a long-running sqlite3 shell"
        case SQLITE_READONLY:
            "the database file or its directory is not writable by this user"
        case SQLITE_CANTOPEN:
            "check that the directory exists and that this user may create files in it"
        case SQLITE_FULL:
            "the disk is full; free space and retry"
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            "the file is damaged or not a SQLite database; restore from the latest backup"
        case SQLITE_IOERR:
            "the operating system reported an I/O error; check the disk and the kernel log"
        default:
            nil
        }
    }

    /// The symbolic name for the codes people meet in practice; others fall back to SQLite's description.
    static func name(of code: Int32) -> String {
        switch code {
        case constraintCheck: return "SQLITE_CONSTRAINT_CHECK"
        case constraintCommitHook: return "SQLITE_CONSTRAINT_COMMITHOOK"
        case constraintForeignKey: return "SQLITE_CONSTRAINT_FOREIGNKEY"
        case constraintNotNull: return "SQLITE_CONSTRAINT_NOTNULL"
        case constraintPrimaryKey: return "SQLITE_CONSTRAINT_PRIMARYKEY"
        case constraintUnique: return "SQLITE_CONSTRAINT_UNIQUE"
        default: break
        }
        switch code & 0xFF {
        case SQLITE_ERROR: return "SQLITE_ERROR"
        case SQLITE_INTERNAL: return "SQLITE_INTERNAL"
        case SQLITE_PERM: return "SQLITE_PERM"
        case SQLITE_ABORT: return "SQLITE_ABORT"
        case SQLITE_BUSY: return "SQLITE_BUSY"
        case SQLITE_LOCKED: return "SQLITE_LOCKED"
        case SQLITE_NOMEM: return "SQLITE_NOMEM"
        case SQLITE_READONLY: return "SQLITE_READONLY"
        case SQLITE_INTERRUPT: return "SQLITE_INTERRUPT"
        case SQLITE_IOERR: return "SQLITE_IOERR"
        case SQLITE_CORRUPT: return "SQLITE_CORRUPT"
        case SQLITE_FULL: return "SQLITE_FULL"
        case SQLITE_CANTOPEN: return "SQLITE_CANTOPEN"
        case SQLITE_CONSTRAINT: return "SQLITE_CONSTRAINT"
        case SQLITE_MISMATCH: return "SQLITE_MISMATCH"
        case SQLITE_MISUSE: return "SQLITE_MISUSE"
        case SQLITE_RANGE: return "SQLITE_RANGE"
        case SQLITE_NOTADB: return "SQLITE_NOTADB"
        default: return String(cString: sqlite3_errstr(code))
        }
    }
}
