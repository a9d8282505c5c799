/// Where a dossier stands. A commune's: draft → submitted → district_reviewed (forwarded) → decided, with
/// "returned" (sent back by the district for changes, edited and submitted again like a draft). A district
/// committee's: draft → submitted → decided (the province scores it; it may return it). Raw values are stored.
public enum DossierState: String, Sendable, Hashable, CaseIterable {
    case draft
    case submitted
    case returned
    case districtReviewed = "district_reviewed"
    case decided

    public var label: String {
        switch self {
        case .draft: "Đang lập"
        case .submitted: "Đã gửi, chờ thẩm định"
        case .returned: "Trả lại để bổ sung"
        case .districtReviewed: "Huyện đã thẩm định, chờ tỉnh quyết định"
        case .decided: "Đã có quyết định"
        }
    }

    /// Whether the subject may still change its scores and documents.
    public var isEditableBySubject: Bool { self == .draft || self == .returned }
}
