/// The three levels of steering committee an account belongs to. The raw values are the ones stored in
/// `users.role` and match `units.level`.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case province
    case district
    case commune

    /// How pages name the role ("Cấp tỉnh").
    public var label: String {
        switch self {
        case .province: "Cấp tỉnh"
        case .district: "Cấp huyện"
        case .commune: "Cấp xã"
        }
    }

    /// Whose passwords this role may reset (within its unit scope): the province resets district and commune
    /// accounts, a district its communes' accounts, a commune nobody's.
    public func manages(_ other: Role) -> Bool {
        switch (self, other) {
        case (.province, .district), (.province, .commune), (.district, .commune): true
        default: false
        }
    }

    /// The prefix of generated usernames ("xa07210", "huyen213", "tinh24"): ASCII, easy to type on a phone.
    public var usernamePrefix: String {
        switch self {
        case .province: "tinh"
        case .district: "huyen"
        case .commune: "xa"
        }
    }
}
