/// The desk's classification of a suggestion (`suggestions.category`), so a district can see what people raise
/// most. The raw values are what is stored; a value the list does not know is shown as written.
public enum SuggestionCategory: String, Sendable, Hashable, CaseIterable {
    case procedure = "thu_tuc"
    case staffAttitude = "thai_do"
    case infrastructure = "ha_tang"
    case land = "dat_dai"
    case environment = "moi_truong"
    case security = "an_ninh"
    case socialPolicy = "chinh_sach"
    case other = "khac"

    public var label: String {
        switch self {
        case .procedure: "Thủ tục hành chính"
        case .staffAttitude: "Thái độ, tác phong cán bộ"
        case .infrastructure: "Hạ tầng, giao thông"
        case .land: "Đất đai, xây dựng"
        case .environment: "Môi trường, vệ sinh"
        case .security: "An ninh, trật tự"
        case .socialPolicy: "Chính sách xã hội"
        case .other: "Khác"
        }
    }

    /// The label of a stored value; nil for none.
    public static func label(_ stored: String?) -> String? {
        guard let stored else { return nil }
        return SuggestionCategory(rawValue: stored)?.label ?? stored
    }
}
