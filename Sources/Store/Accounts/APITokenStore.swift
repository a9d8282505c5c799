import Crypto
import Database

/// Bearer tokens for the JSON API. The client gets "qcdc_" + 256 random bits once; the table keeps its SHA-256.
public struct APITokenStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public struct TokenRecord: Sendable, Hashable {
        public let id: Int64
        public let userID: Int64
        public let username: String
        public let name: String
        public let createdAt: Int64
        public let lastUsedAt: Int64?
        public let revokedAt: Int64?
        public let expiresAt: Int64
        public let scope: APITokenScope

        /// The same token as `touch(id:now:)` leaves it.
        public func touched(at now: Int64) -> TokenRecord {
            TokenRecord(
                id: id, userID: userID, username: username, name: name, createdAt: createdAt, lastUsedAt: now,
                revokedAt: revokedAt, expiresAt: expiresAt, scope: scope)
        }
    }

    package static let prefix = "qcdc_"
    public static let defaultLifetimeDays = 180
    public static let lifetimeDays = 1...730

    /// Creates a token and returns its id and the clear token, which is shown once and never again.
    public func create(
        userID: Int64, name: String, now: Int64, expiresInDays: Int = defaultLifetimeDays,
        scope: APITokenScope = .readWrite
    ) throws -> (id: Int64, token: String) {
        guard Self.lifetimeDays.contains(expiresInDays) else {
            throw AccountError.invalid("Thời hạn của mã truy cập phải từ 1 đến 730 ngày.")
        }
        let token = Self.prefix + SecureRandom.token(byteCount: 32)
        try connection.run(
            "INSERT INTO api_tokens (user_id, token_hash, name, created_at, expires_at, scope) VALUES (?, ?, ?, ?, ?, ?)",
            [userID, SessionStore.hash(token: token), name, now, now + Int64(expiresInDays) * 86_400, scope.rawValue])
        return (connection.lastInsertRowID, token)
    }

    /// The tokens of one account, newest first (the account's own page).
    public func tokens(ofUser userID: Int64) throws -> [TokenRecord] {
        try connection.query("\(Self.columns) WHERE t.user_id = ? ORDER BY t.id DESC", [userID]).map(Self.record)
    }

    /// Revokes one of the account's own tokens; false when it is not theirs or already revoked.
    @discardableResult
    public func revoke(id: Int64, ofUser userID: Int64, now: Int64) throws -> Bool {
        try connection.run(
            "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
            [now, id, userID]) == 1
    }

    /// Revokes a token; false when there is no such token or it was already revoked.
    @discardableResult
    public func revoke(id: Int64, now: Int64) throws -> Bool {
        try connection.run("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", [now, id]) == 1
    }

    public func find(id: Int64) throws -> TokenRecord? {
        try connection.queryOne("\(Self.columns) WHERE t.id = ?", [id]).map(Self.record)
    }

    public func all() throws -> [TokenRecord] {
        try connection.query("\(Self.columns) ORDER BY t.id").map(Self.record)
    }

    /// The token with this hash and its account, if it may be used `now`; otherwise why not, so the API can say it.
    package func resolve(tokenHash: String, now: Int64) throws
        -> Result<(token: TokenRecord, user: UserRecord), TokenRefusal>
    {
        guard let row = try connection.queryOne("\(Self.columns) WHERE t.token_hash = ?", [tokenHash]) else {
            return .failure(.unknown)
        }
        let token = try Self.record(row)
        guard let user = try UserStore(connection).find(id: token.userID) else { return .failure(.unknown) }
        if let refusal = TokenRefusal.of(token, user: user, now: now) { return .failure(refusal) }
        return .success((token, user))
    }

    package func touch(id: Int64, now: Int64) throws {
        try connection.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [now, id])
    }

    package static let columns = """
        SELECT t.id AS id, t.user_id AS user_id, u.username AS username, t.name AS name, t.created_at AS created_at,
               t.last_used_at AS last_used_at, t.revoked_at AS revoked_at, t.expires_at AS expires_at,
               t.scope AS scope
        FROM api_tokens t JOIN users u ON u.id = t.user_id
        """

    package static func record(_ row: Row) throws -> TokenRecord {
        TokenRecord(
            id: try row.int64("id"), userID: try row.int64("user_id"), username: try row.string("username"),
            name: try row.string("name"), createdAt: try row.int64("created_at"),
            lastUsedAt: try row.optionalInt64("last_used_at"), revokedAt: try row.optionalInt64("revoked_at"),
            expiresAt: try row.int64("expires_at"), scope: APITokenScope(rawValue: try row.string("scope")) ?? .read)
    }
}
