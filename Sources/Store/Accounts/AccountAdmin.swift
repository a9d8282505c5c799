import Crypto
import Database
import Survey

/// Account administration for the `qcdc user` and `qcdc token` commands (and tests): synchronous, on one
/// connection, each operation in one transaction with its audit entry. Hashing happens here on the calling
/// thread, which is fine for a command-line tool.
public struct AccountAdmin {
    package let connection: Connection
    package let today: LocalDate
    package let now: Int64

    /// The name audit entries carry for changes made from the command line.
    public static let commandLineActor = "qcdc (dòng lệnh)"

    public init(_ connection: Connection, today: LocalDate, now: Int64) {
        self.connection = connection
        self.today = today
        self.now = now
    }

    /// Adds an account for a unit of the set in force today; the role must be the unit's level.
    @discardableResult
    public func addUser(
        username: String, password: String, role: Role, unitCode: String,
        mustChangePassword: Bool
    ) throws -> Int64 {
        if let problem = UsernamePolicy.problem(username) { throw AccountError.invalid(problem) }
        if let problem = PasswordPolicy.problem(password, username: username) { throw AccountError.invalid(problem) }
        guard let unit = try UnitStore(connection).resolve(code: unitCode, on: today) else {
            throw AccountError.unknownUnit(unitCode)
        }
        guard unit.level == role.rawValue else {
            throw AccountError.roleDoesNotMatchUnit(role: role, unitName: unit.name)
        }
        let hash = try Password.hash(password)
        return try connection.transaction {
            let id = try UserStore(connection).create(
                username: username, passwordHash: hash, role: role,
                unitID: unit.id, mustChangePassword: mustChangePassword, now: now)
            try audit(AuditAction.userAdd, "Thêm tài khoản \(username) (\(role.label.lowercased()), \(unit.name))")
            return id
        }
    }

    public func setDisabled(username: String, _ disabled: Bool) throws {
        guard let user = try UserStore(connection).find(username: username) else {
            throw AccountError.unknownUser(username)
        }
        try connection.transaction {
            try UserStore(connection).setDisabled(userID: user.id, disabled)
            try audit(
                disabled ? AuditAction.userDisable : AuditAction.userEnable,
                "\(disabled ? "Khóa" : "Mở khóa") tài khoản \(user.username)")
        }
    }

    /// The demo province account, only when no account exists yet: its name and a random password to print
    /// once; nil when accounts already exist.
    public func bootstrapDemo() throws -> LoginSlip? {
        guard try UserStore(connection).count() == 0 else { return nil }
        guard let setID = try UnitStore(connection).unitSetID(inForceOn: today),
            let province = try UnitStore(connection).units(inSet: setID, level: Role.province.rawValue).first
        else {
            throw AccountError.invalid(
                "Chưa có đơn vị cấp tỉnh nào; chạy `qcdc seed-demo` hoặc `qcdc units import` trước.")
        }
        let username = Role.province.usernamePrefix + province.code
        let password = ReadablePassword.generate()
        try addUser(
            username: username, password: password, role: .province, unitCode: province.code,
            mustChangePassword: true)
        return LoginSlip(unitName: province.name, username: username, password: password)
    }

    /// Which units `bulkCreate` makes accounts for: every district and commune of the set in force, or the codes
    /// of a list (with an optional username each).
    public enum BulkSource: Sendable {
        case allUnits
        case list([(code: String, username: String?)])
    }

    /// Creates one account per unit with a random readable first password that must be changed, skipping units
    /// whose default username already exists. Returns the slips to print, in unit order.
    public func bulkCreate(_ source: BulkSource) throws -> [LoginSlip] {
        let units = UnitStore(connection)
        guard let setID = try units.unitSetID(inForceOn: today) else {
            throw AccountError.invalid("Chưa có bộ đơn vị hành chính nào có hiệu lực hôm nay.")
        }
        var wanted: [(unit: UnitRecord, username: String)] = []
        switch source {
        case .allUnits:
            for level in [Role.district, Role.commune] {
                for unit in try units.units(inSet: setID, level: level.rawValue) {
                    wanted.append((unit, level.usernamePrefix + unit.code))
                }
            }
        case .list(let items):
            for item in items {
                guard let unit = try units.unit(code: item.code, inSet: setID) else {
                    throw AccountError.unknownUnit(item.code)
                }
                guard let role = Role(rawValue: unit.level) else { throw AccountError.unknownUnit(item.code) }
                wanted.append((unit, item.username ?? role.usernamePrefix + unit.code))
            }
        }
        var slips: [LoginSlip] = []
        try connection.transaction {
            for (unit, username) in wanted {
                guard let role = Role(rawValue: unit.level) else { continue }
                if try UserStore(connection).find(username: username) != nil { continue }
                let password = ReadablePassword.generate()
                try UserStore(connection).create(
                    username: username, passwordHash: try Password.hash(password),
                    role: role, unitID: unit.id, mustChangePassword: true, now: now)
                try audit(AuditAction.userAdd, "Tạo hàng loạt: tài khoản \(username) (\(unit.name))")
                slips.append(LoginSlip(unitName: unit.name, username: username, password: password))
            }
        }
        return slips
    }

    /// A new API token for `username`: its id and the clear token, to print once.
    public func addToken(
        username: String, name: String, expiresInDays: Int = APITokenStore.defaultLifetimeDays,
        scope: APITokenScope = .readWrite
    ) throws -> (id: Int64, token: String) {
        guard let user = try UserStore(connection).find(username: username) else {
            throw AccountError.unknownUser(username)
        }
        return try connection.transaction {
            let created = try APITokenStore(connection).create(
                userID: user.id, name: name, now: now, expiresInDays: expiresInDays, scope: scope)
            try audit(
                AuditAction.tokenAdd,
                "Mã truy cập API số \(created.id) “\(name)” cho \(user.username), \(scope.label), \(expiresInDays) ngày"
            )
            return created
        }
    }

    public func revokeToken(id: Int64) throws {
        guard let token = try APITokenStore(connection).find(id: id) else {
            throw AccountError.invalid("Không có mã truy cập API số \(id). Xem danh sách bằng `qcdc token list`.")
        }
        try connection.transaction {
            guard try APITokenStore(connection).revoke(id: id, now: now) else {
                throw AccountError.invalid("Mã truy cập API số \(id) đã bị thu hồi từ trước.")
            }
            try audit(AuditAction.tokenRevoke, "Thu hồi mã truy cập API số \(id) “\(token.name)” của \(token.username)")
        }
    }

    private func audit(_ action: AuditAction, _ detail: String) throws {
        try AuditLog(connection).record(
            userID: nil, username: Self.commandLineActor, unitID: nil, action: action,
            detail: detail, at: now)
    }
}
