/// The `audit_log.action` values the suggestion desk writes (lowercase with underscores, as `AuditAction` asks).
public enum DeskAudit {
    public static let reply = "suggestion_reply"
    public static let status = "suggestion_status"
    public static let category = "suggestion_category"
}
