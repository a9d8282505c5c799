/// Every `audit_log.action` the programme writes, each with its Vietnamese name for the audit page. `AuditLog`
/// records only these, so a new action cannot be written without a label. Stored as the raw strings below
/// (lowercase with underscores), the same text earlier versions wrote, so old rows still read.
public enum AuditAction: String, CaseIterable, Sendable {
    // Accounts.
    case login
    case loginFailed = "login_failed"
    case loginLocked = "login_locked"
    case logout
    case passwordChange = "password_change"
    case passwordReset = "password_reset"
    case userAdd = "user_add"
    case userDisable = "user_disable"
    case userEnable = "user_enable"
    case tokenAdd = "token_add"
    case tokenRevoke = "token_revoke"
    case loginSlipView = "login_slip_view"
    // Campaign administration.
    case campaignCreate = "campaign_create"
    case campaignUpdate = "campaign_update"
    case campaignOpen = "campaign_open"
    case campaignClose = "campaign_close"
    case formVersionAdd = "form_version_add"
    case kioskLink = "kiosk_link"
    // Daily reports.
    case dailyReportSubmit = "daily_report_submit"
    case headcountEnter = "headcount_enter"
    case lateEntryOpen = "late_entry_open"
    case lateEntryClose = "late_entry_close"
    // Figures leaving the system.
    case export
    // The suggestion desk.
    case suggestionReply = "suggestion_reply"
    case suggestionStatus = "suggestion_status"
    case suggestionCategory = "suggestion_category"
    // Flags on answers.
    case flagConfirm = "flag_confirm"
    case flagClear = "flag_clear"
    case deskHoursSet = "desk_hours_set"
    case suggestionRoundsSet = "suggestion_rounds_set"
    // The year's satisfaction index.
    case indexWeightsChange = "index_weights_change"
    // The recognition dossier and its criteria.
    case dossierStart = "dossier_start"
    case dossierScores = "dossier_scores"
    case dossierSubmit = "dossier_submit"
    case dossierReturn = "dossier_return"
    case dossierForward = "dossier_forward"
    case dossierDecide = "dossier_decide"
    case dossierDocumentAdd = "dossier_document_add"
    case dossierDocumentRemove = "dossier_document_remove"
    case criteriaSetUpdate = "criteria_set_update"
    case criteriaSetCopy = "criteria_set_copy"

    /// The Vietnamese name shown on the audit page.
    public var label: String {
        switch self {
        case .login: "Đăng nhập"
        case .loginFailed: "Đăng nhập thất bại"
        case .loginLocked: "Đăng nhập khi còn phải chờ"
        case .logout: "Đăng xuất"
        case .passwordChange: "Đổi mật khẩu"
        case .passwordReset: "Cấp lại mật khẩu"
        case .userAdd: "Thêm tài khoản"
        case .userDisable: "Khóa tài khoản"
        case .userEnable: "Mở khóa tài khoản"
        case .tokenAdd: "Tạo mã truy cập API"
        case .tokenRevoke: "Thu hồi mã truy cập API"
        case .loginSlipView: "Xem lại phiếu tài khoản"
        case .campaignCreate: "Tạo đợt khảo sát"
        case .campaignUpdate: "Sửa đợt khảo sát"
        case .campaignOpen: "Công bố đợt khảo sát"
        case .campaignClose: "Đóng đợt khảo sát"
        case .formVersionAdd: "Thêm phiên bản phiếu"
        case .kioskLink: "Cấp liên kết kiosk"
        case .dailyReportSubmit: "Gửi báo cáo ngày"
        case .headcountEnter: "Nhập số cán bộ, công chức"
        case .lateEntryOpen: "Mở nhập muộn báo cáo ngày"
        case .lateEntryClose: "Đóng nhập muộn báo cáo ngày"
        case .export: "Xuất số liệu"
        case .suggestionReply: "Trả lời góp ý"
        case .suggestionStatus: "Đổi trạng thái góp ý"
        case .indexWeightsChange: "Sửa trọng số chỉ số hài lòng năm"
        case .suggestionCategory: "Phân loại góp ý"
        case .flagConfirm: "Xác nhận phiếu bị gắn cờ (không tính)"
        case .flagClear: "Bỏ cờ phiếu (tính lại)"
        case .deskHoursSet: "Đặt giờ làm việc của đơn vị"
        case .suggestionRoundsSet: "Đặt các đợt nhận góp ý của đơn vị"
        case .dossierStart: "Lập hồ sơ công nhận"
        case .dossierScores: "Chấm điểm hồ sơ công nhận"
        case .dossierSubmit: "Gửi hồ sơ công nhận"
        case .dossierReturn: "Trả lại hồ sơ công nhận để bổ sung"
        case .dossierForward: "Thẩm định xong, chuyển hồ sơ lên tỉnh"
        case .dossierDecide: "Quyết định công nhận"
        case .dossierDocumentAdd: "Thêm tài liệu vào hồ sơ công nhận"
        case .dossierDocumentRemove: "Gỡ tài liệu khỏi hồ sơ công nhận"
        case .criteriaSetUpdate: "Sửa bộ tiêu chí công nhận"
        case .criteriaSetCopy: "Sao chép bộ tiêu chí công nhận"
        }
    }

    /// The name of a stored action: its label, or the stored text itself when this version does not know it
    /// (written by an older or newer version).
    public static func label(_ stored: String) -> String {
        AuditAction(rawValue: stored)?.label ?? stored
    }
}
