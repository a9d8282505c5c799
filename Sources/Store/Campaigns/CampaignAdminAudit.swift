/// The stored `audit_log.action` texts of campaign administration, for tests and queries that read the log.
/// Entries are recorded with `AuditAction` cases; these are their raw values.
public enum CampaignAdminAudit {
    public static let create = AuditAction.campaignCreate.rawValue
    public static let update = AuditAction.campaignUpdate.rawValue
    public static let open = AuditAction.campaignOpen.rawValue
    public static let close = AuditAction.campaignClose.rawValue
    public static let formVersion = AuditAction.formVersionAdd.rawValue
    public static let kioskLink = AuditAction.kioskLink.rawValue
}
