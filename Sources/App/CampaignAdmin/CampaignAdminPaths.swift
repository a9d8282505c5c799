/// The campaign, form and kiosk admin paths, in one place so links, forms and redirects agree.
public enum CampaignAdminPaths {
    public static let list = "/admin/campaigns"
    public static let new = "/admin/campaigns/new"
    public static let forms = "/admin/forms"
    public static let kiosk = "/admin/kiosk"

    /// The campaign's dashboard (built elsewhere; linked from the list).
    public static func dashboard(_ id: Int64) -> String { "/admin/campaigns/\(id)" }
    public static func edit(_ id: Int64) -> String { "/admin/campaigns/\(id)/edit" }
    public static func open(_ id: Int64) -> String { "/admin/campaigns/\(id)/open" }
    public static func close(_ id: Int64) -> String { "/admin/campaigns/\(id)/close" }
    public static func newVersion(formCode: String) -> String { "/admin/forms/\(formCode)/new-version" }
}
