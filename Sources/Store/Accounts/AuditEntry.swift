import Database
import Survey

/// One row of the audit log, and the filtered, paged reading the audit page needs.
public struct AuditEntry: Sendable, Hashable {
    public let id: Int64
    public let at: Int64
    public let userID: Int64?
    public let username: String?
    public let unitID: Int64?
    /// The stored text: an `AuditAction` raw value, or an action this version no longer writes.
    public let action: String
    public let detail: String

    /// The Vietnamese name of the action; an unknown stored text shows as itself.
    public var actionLabel: String { AuditAction.label(action) }

    public struct Filter: Sendable, Hashable {
        public var action: String?
        public var username: String?
        /// Days in Asia/Ho_Chi_Minh, both included.
        public var from: LocalDate?
        public var to: LocalDate?

        public init(action: String? = nil, username: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil) {
            self.action = action
            self.username = username
            self.from = from
            self.to = to
        }
    }

    /// Newest first; `limit` rows from `offset`.
    public static func search(_ filter: Filter, limit: Int, offset: Int, connection: Connection) throws -> [AuditEntry]
    {
        // The WHERE clause is assembled from fixed fragments only; every value is a bound parameter.
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let action = filter.action {
            conditions.append("action = ?")
            arguments.append(action)
        }
        if let username = filter.username {
            conditions.append("username = ? COLLATE NOCASE")
            arguments.append(username)
        }
        if let from = filter.from {
            conditions.append("at >= ?")
            arguments.append(VietnamTime.startOfDay(from))
        }
        if let to = filter.to {
            conditions.append("at < ?")
            arguments.append(VietnamTime.startOfDay(to.adding(days: 1)))
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        arguments.append(limit)
        arguments.append(offset)
        let rows = try connection.query(
            "SELECT id, at, user_id, username, unit_id, action, detail FROM audit_log\(whereClause) ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            arguments)
        return try rows.map { row in
            AuditEntry(
                id: try row.int64("id"), at: try row.int64("at"), userID: try row.optionalInt64("user_id"),
                username: try row.optionalString("username"), unitID: try row.optionalInt64("unit_id"),
                action: try row.string("action"), detail: try row.string("detail"))
        }
    }

    /// The actions that occur in the log, for the filter's choices.
    public static func actions(connection: Connection) throws -> [String] {
        try connection.query("SELECT DISTINCT action FROM audit_log ORDER BY action").map { try $0.string("action") }
    }
}
