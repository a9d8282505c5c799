import HTTP

/// The fixed paths of the account pages, in one place so links and redirects agree.
public enum AdminPaths {
    public static let home = "/admin/"
    public static let loginPath = "/admin/login"
    public static let logout = "/admin/logout"
    public static let password = "/admin/password"
    public static let users = "/admin/users"
    public static let audit = "/admin/audit"
    public static let stylesheet = "/admin/admin.css"

    /// Paths under /admin that work without a session and before a forced password change.
    static let open: Set<String> = [loginPath, stylesheet]
    /// Paths a user who must change the password may still use.
    static let allowedBeforePasswordChange: Set<String> = [loginPath, stylesheet, logout, password]

    public static func login(next: String?) -> String {
        guard let next, let safe = safeNext(next), safe != home else { return loginPath }
        return loginPath + "?next=" + PercentEncoding.encode(safe)
    }

    public static func resetUser(_ id: Int64) -> String { "/admin/users/\(id)/reset" }

    /// Only a path of this site's admin area: "/admin…" without "//", backslashes or control characters, so a
    /// crafted `next` can never send someone to another site after login.
    public static func safeNext(_ next: String) -> String? {
        guard next.hasPrefix("/admin"), !next.hasPrefix("//"), next.utf8.count <= 512,
              !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else { return nil }
        let afterAdmin = next.dropFirst("/admin".count)
        guard afterAdmin.isEmpty || afterAdmin.first == "/" || afterAdmin.first == "?" else { return nil }
        return next
    }

    /// The decoded path as the router sees it: empty segments dropped ("//admin/" is "/admin"), so a path the
    /// router would route under /admin is always recognised as one here.
    static func normalized(_ path: String) -> String {
        "/" + path.split(separator: "/").joined(separator: "/")
    }

    /// The first segment of the normalized path ("admin", "api").
    static func area(_ normalizedPath: String) -> Substring {
        normalizedPath.split(separator: "/").first ?? ""
    }
}
