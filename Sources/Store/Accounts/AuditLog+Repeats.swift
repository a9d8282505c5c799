import Database

extension AuditLog {
    /// Refused logins are counted, not listed: the first in an hour (per action and account; all unknown names
    /// share one row with no username) adds a row, the next ones raise its `repeats` and rewrite its detail
    /// ("Sai mật khẩu · 7 lần"). A flood of bad logins thus adds at most one row per account and hour.
    public func recordRepeated(
        userID: Int64?, username: String?, unitID: Int64?, action: AuditAction, detail: String, at: Int64,
        window: Int64 = 3600
    ) throws {
        let windowStart = at - at % window
        let earlier =
            if let username {
                try connection.queryOne(
                    """
                    SELECT id, repeats FROM audit_log
                    WHERE username = ? COLLATE NOCASE AND at >= ? AND action = ? ORDER BY id DESC LIMIT 1
                    """, [username, windowStart, action.rawValue])
            } else {
                try connection.queryOne(
                    """
                    SELECT id, repeats FROM audit_log
                    WHERE action = ? AND at >= ? AND username IS NULL ORDER BY id DESC LIMIT 1
                    """, [action.rawValue, windowStart])
            }
        guard let earlier else {
            return try record(
                userID: userID, username: username, unitID: unitID, action: action, detail: detail, at: at)
        }
        let repeats = try earlier.int("repeats") + 1
        try connection.run(
            "UPDATE audit_log SET repeats = ?, detail = ? WHERE id = ?",
            [repeats, "\(detail) · \(repeats) lần trong giờ", try earlier.int64("id")])
    }
}
