/// Who gave a score: the unit itself, the district at review, or the province. Raw values are stored.
public enum ScoreStage: String, Sendable, Hashable, CaseIterable {
    case selfAssessment = "self"
    case district
    case province

    public var label: String {
        switch self {
        case .selfAssessment: "Tự chấm"
        case .district: "Huyện thẩm định"
        case .province: "Tỉnh chấm"
        }
    }
}
