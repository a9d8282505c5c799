import Database

/// Accounts: create, look up, change passwords, disable. Hashing is the caller's job (it is slow and must run
/// off the event loops, see `PasswordWorker`); this store only ever sees hashes.
public struct UserStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    package static let columns = """
        SELECT u.id AS id, u.username AS username, u.role AS role, u.unit_id AS unit_id, n.code AS unit_code,
               n.name AS unit_name, u.must_change_password AS must_change_password, u.disabled AS disabled,
               u.created_at AS created_at, u.password_changed_at AS password_changed_at,
               u.password_hash AS password_hash
        FROM users u JOIN units n ON n.id = u.unit_id
        """

    /// Adds an account. A taken name (in any letter case) is an `AccountError.usernameTaken`.
    @discardableResult
    public func create(
        username: String, passwordHash: String, role: Role, unitID: Int64,
        mustChangePassword: Bool, now: Int64
    ) throws -> Int64 {
        if let problem = UsernamePolicy.problem(username) { throw AccountError.invalid(problem) }
        guard try find(username: username) == nil else { throw AccountError.usernameTaken(username) }
        try connection.run(
            """
            INSERT INTO users (username, password_hash, role, unit_id, must_change_password, disabled, created_at,
                               password_changed_at)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?)
            """,
            [username, passwordHash, role.rawValue, unitID, mustChangePassword, now, now])
        return connection.lastInsertRowID
    }

    public func find(username: String) throws -> UserRecord? {
        try connection.queryOne("\(Self.columns) WHERE u.username = ?", [username]).map(Self.record)
    }

    public func find(id: Int64) throws -> UserRecord? {
        try connection.queryOne("\(Self.columns) WHERE u.id = ?", [id]).map(Self.record)
    }

    public func count() throws -> Int {
        try connection.scalar("SELECT count(*) FROM users", as: Int.self) ?? 0
    }

    /// Every account, by unit code then name.
    public func all() throws -> [UserRecord] {
        try connection.query("\(Self.columns) ORDER BY n.code, u.username").map(Self.record)
    }

    /// The accounts whose unit is one of `unitIDs`, by role (province first), unit code, then name.
    public func users(inUnits unitIDs: Set<Int64>) throws -> [UserRecord] {
        // Filtered in Swift: a scope holds at most a few hundred units, and binding a variable-length IN list
        // would need SQL built from the count.
        try all().filter { unitIDs.contains($0.unitID) }
            .sorted { ($0.role.sortOrder, $0.unitCode, $0.username) < ($1.role.sortOrder, $1.unitCode, $1.username) }
    }

    /// Replaces the password. `mustChange` marks a first password or a reset, which the owner must replace.
    public func setPassword(userID: Int64, hash: String, mustChange: Bool, now: Int64) throws {
        try connection.run(
            "UPDATE users SET password_hash = ?, must_change_password = ?, password_changed_at = ? WHERE id = ?",
            [hash, mustChange, now, userID])
    }

    /// Keeps the password but stores a stronger hash of it (after `Password.needsRehash`).
    package func upgradeHash(userID: Int64, hash: String) throws {
        try connection.run("UPDATE users SET password_hash = ? WHERE id = ?", [hash, userID])
    }

    /// Disables or re-enables an account. Disabling also ends its sessions, so it takes effect at once.
    public func setDisabled(userID: Int64, _ disabled: Bool) throws {
        try connection.run("UPDATE users SET disabled = ? WHERE id = ?", [disabled, userID])
        if disabled { try SessionStore(connection).deleteAll(userID: userID) }
    }

    package static func record(_ row: Row) throws -> UserRecord {
        let roleText = try row.string("role")
        guard let role = Role(rawValue: roleText) else {
            throw AccountError.invalid("Vai trò “\(roleText)” trong cơ sở dữ liệu không hợp lệ.")
        }
        return UserRecord(
            id: try row.int64("id"), username: try row.string("username"), role: role,
            unitID: try row.int64("unit_id"), unitCode: try row.string("unit_code"),
            unitName: try row.string("unit_name"),
            mustChangePassword: try row.bool("must_change_password"),
            disabled: try row.bool("disabled"), createdAt: try row.int64("created_at"),
            passwordChangedAt: try row.int64("password_changed_at"),
            passwordHash: try row.string("password_hash"))
    }
}

extension Role {
    package var sortOrder: Int {
        switch self {
        case .province: 0
        case .district: 1
        case .commune: 2
        }
    }
}
