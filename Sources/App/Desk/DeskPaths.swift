/// The suggestion desk's paths, in one place so links, forms and redirects agree.
public enum DeskPaths {
    public static let list = "/admin/suggestions"
    public static let weekly = "/admin/suggestions/weekly"
    public static let stylesheet = "/admin/desk.css"

    public static func item(_ id: Int64) -> String { "/admin/suggestions/\(id)" }
    public static func reply(_ id: Int64) -> String { "/admin/suggestions/\(id)/reply" }
    public static func status(_ id: Int64) -> String { "/admin/suggestions/\(id)/status" }
    public static func category(_ id: Int64) -> String { "/admin/suggestions/\(id)/category" }
}
