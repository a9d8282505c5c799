/// Whom a dossier is about: a commune (self-scored, reviewed by its district, decided by the province) or a
/// district steering committee (programme item 7: self-scored by the district, scored and decided by the
/// province, no review in between). The raw values are the ones stored.
public enum DossierSubjectKind: String, Sendable, Hashable, CaseIterable {
    case commune
    case districtCommittee = "district_committee"

    public var label: String {
        switch self {
        case .commune: "Xã, phường, thị trấn"
        case .districtCommittee: "Ban Chỉ đạo cấp huyện"
        }
    }

    /// Whether a reviewer stands between the subject and the province (the district, for a commune).
    public var hasReview: Bool { self == .commune }
}
