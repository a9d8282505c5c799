/// One SQLite value, in the storage class SQLite itself reports for it.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// SQLite's own name for the storage class, used in decoding errors so they read like `typeof()`.
    public var storageClassName: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension DatabaseValue: CustomStringConvertible {
    /// A short, log-safe rendering: long text and blobs are cut so an error message stays one line.
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value):
            let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
            return "'" + shown + "'"
        case .blob(let bytes): return "<\(bytes.count) bytes>"
        }
    }
}

// Deliberately not ExpressibleByNilLiteral: `condition ? value : nil` would then silently produce
// `.null` instead of `Optional.none`. Write `.null`.
extension DatabaseValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral
{
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }
}
