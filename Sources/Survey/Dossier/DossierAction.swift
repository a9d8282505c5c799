/// What an actor can do to a dossier. `saveScores` leaves the state as it is; the others move it.
public enum DossierAction: String, Sendable, Hashable, CaseIterable {
    case saveScores = "save_scores"
    case submit
    case returnForChanges = "return"
    case forward
    case decide

    public var label: String {
        switch self {
        case .saveScores: "Lưu điểm"
        case .submit: "Gửi hồ sơ"
        case .returnForChanges: "Trả lại để bổ sung"
        case .forward: "Thẩm định xong, chuyển tỉnh"
        case .decide: "Quyết định công nhận"
        }
    }
}
