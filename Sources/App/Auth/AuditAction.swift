/// The `audit_log.action` values the account code writes. Other features add their own ("campaign_open",
/// "export", ...); keep them lowercase with underscores so the audit page can list and filter them.
public enum AuditAction {
    public static let login = "login"
    public static let loginFailed = "login_failed"
    public static let loginLocked = "login_locked"
    public static let logout = "logout"
    public static let passwordChange = "password_change"
    public static let passwordReset = "password_reset"
    public static let userAdd = "user_add"
    public static let userDisable = "user_disable"
    public static let userEnable = "user_enable"
    public static let tokenAdd = "token_add"
    public static let tokenRevoke = "token_revoke"

    /// Vietnamese names for the audit page; unknown actions are shown as written.
    public static func label(_ action: String) -> String {
        switch action {
        case login: "Đăng nhập"
        case loginFailed: "Đăng nhập thất bại"
        case loginLocked: "Đăng nhập bị tạm khóa"
        case logout: "Đăng xuất"
        case passwordChange: "Đổi mật khẩu"
        case passwordReset: "Cấp lại mật khẩu"
        case userAdd: "Thêm tài khoản"
        case userDisable: "Khóa tài khoản"
        case userEnable: "Mở khóa tài khoản"
        case tokenAdd: "Tạo mã truy cập API"
        case tokenRevoke: "Thu hồi mã truy cập API"
        default: action
        }
    }
}
