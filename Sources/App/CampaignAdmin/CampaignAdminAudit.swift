/// The `audit_log.action` values campaign administration writes (lowercase with underscores, as `AuditAction`
/// asks).
public enum CampaignAdminAudit {
    public static let create = "campaign_create"
    public static let update = "campaign_update"
    public static let open = "campaign_open"
    public static let close = "campaign_close"
    public static let formVersion = "form_version_add"
    public static let kioskLink = "kiosk_link"
}
