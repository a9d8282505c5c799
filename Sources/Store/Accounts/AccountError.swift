/// Why an account operation was refused, in Vietnamese for the page or the terminal.
public enum AccountError: Error, Sendable, Hashable, CustomStringConvertible {
    case usernameTaken(String)
    case unknownUser(String)
    case unknownUnit(String)
    case roleDoesNotMatchUnit(role: Role, unitName: String)
    case invalid(String)

    public var description: String {
        switch self {
        case .usernameTaken(let name):
            "Tên đăng nhập “\(name)” đã có người dùng. Hãy chọn tên khác."
        case .unknownUser(let name):
            "Không có tài khoản “\(name)”. Xem danh sách bằng `qcdc user list`."
        case .unknownUnit(let code):
            "Không có đơn vị mã “\(code)” trong bộ đơn vị hành chính đang có hiệu lực."
        case .roleDoesNotMatchUnit(let role, let unitName):
            "Vai trò \(role.label.lowercased()) không phù hợp với \(unitName): vai trò phải cùng cấp với đơn vị."
        case .invalid(let message):
            message
        }
    }
}
