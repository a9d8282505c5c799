import Database

/// Appends to `audit_log`: who did what, when. Call it inside the same write as the change it records, so the
/// entry exists exactly when the change does. Never put a password or a token in `detail`. The action is an
/// `AuditAction` case, so every entry has a Vietnamese label on the audit page.
public struct AuditLog {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public func record(
        userID: Int64?, username: String?, unitID: Int64?, action: AuditAction, detail: String,
        at: Int64
    ) throws {
        try connection.run(
            "INSERT INTO audit_log (at, user_id, username, unit_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
            [at, userID, username, unitID, action.rawValue, detail])
    }

    /// The same, for an action by a signed-in user.
    public func record(_ user: AuthenticatedUser, action: AuditAction, detail: String, at: Int64) throws {
        try record(
            userID: user.id, username: user.username, unitID: user.unitID, action: action, detail: detail,
            at: at)
    }
}
