/// The stored `audit_log.action` texts of the suggestion desk, for tests and queries that read the log. Entries
/// are recorded with `AuditAction` cases; these are their raw values.
public enum DeskAudit {
    public static let reply = AuditAction.suggestionReply.rawValue
    public static let status = AuditAction.suggestionStatus.rawValue
    public static let category = AuditAction.suggestionCategory.rawValue
}
