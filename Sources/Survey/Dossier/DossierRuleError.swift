/// Why the rules refuse an action, in a sentence the person who tried can act on.
public enum DossierRuleError: Error, Sendable, Hashable {
    /// The action does not exist in this state (or for this kind of dossier).
    case notNow(DossierAction, DossierState)
    /// Someone else does this step.
    case notYourStep(DossierAction)
    /// Criteria without a score at the stage the step needs.
    case missingScores(ScoreStage, codes: [String])
    /// Required documents not uploaded (their titles).
    case missingDocuments([String])
    case pointsOutOfRange(code: String, max: Double)
    case unknownCriterion(String)
    /// The criterion is scored on its sub-criteria.
    case notScorable(String)
    /// The subject's satisfaction score is proposed from the year's results.
    case satisfactionProposed
    /// A reviewer's satisfaction score differs from the proposal: the reason is mandatory.
    case adjustmentNeedsReason(code: String, proposed: Double)
    case commentRequired
    case decisionIncomplete

    public var message: String {
        switch self {
        case .notNow(let action, let state):
            "Hồ sơ đang ở trạng thái “\(state.label)”: không thể “\(action.label.lowercased())” lúc này."
        case .notYourStep(let action):
            "Tài khoản của bạn không thực hiện bước “\(action.label.lowercased())” của hồ sơ này."
        case .missingScores(let stage, let codes):
            "Chưa đủ điểm (\(stage.label.lowercased())) cho các tiêu chí: \(codes.joined(separator: ", "))."
        case .missingDocuments(let titles):
            "Còn thiếu tài liệu bắt buộc: \(titles.joined(separator: "; "))."
        case .pointsOutOfRange(let code, let max):
            "Điểm của tiêu chí \(code) phải là số từ 0 đến \(Self.points(max))."
        case .unknownCriterion(let code): "Bộ tiêu chí không có tiêu chí \(code)."
        case .notScorable(let code): "Tiêu chí \(code) được chấm theo các tiêu chí thành phần."
        case .satisfactionProposed:
            "Điểm tiêu chí sự hài lòng được đề xuất từ kết quả khảo sát của năm; xã không sửa điểm này."
        case .adjustmentNeedsReason(let code, let proposed):
            "Điểm tiêu chí \(code) khác điểm đề xuất (\(Self.points(proposed))): hãy ghi rõ lý do điều chỉnh."
        case .commentRequired: "Hãy ghi rõ nội dung cần bổ sung, sửa đổi khi trả lại hồ sơ."
        case .decisionIncomplete:
            "Hãy chọn công nhận hay không, ghi số quyết định và ngày quyết định (dd/mm/yyyy)."
        }
    }

    /// Points as the page writes them: "12,5", "20".
    static func points(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") { text.replaceSubrange(dot...dot, with: ",") }
        return text
    }
}
