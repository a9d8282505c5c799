import Crypto
import Database

/// Browser sessions. The cookie holds a random 256-bit token; the table keeps only its SHA-256, so a copy of the
/// database (a backup, a leaked file) cannot be used to sign in.
public struct SessionStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public struct Created: Sendable, Hashable {
        /// For the cookie only; never stored.
        public let token: String
        public let tokenHash: String
        public let csrfToken: String
    }

    /// A session row with the account it belongs to.
    package struct Resolved: Sendable {
        package let user: UserRecord
        package let csrfToken: String
        package let createdAt: Int64
        package let lastSeenAt: Int64
    }

    public static func hash(token: String) -> String {
        SHA256.hex(Array(token.utf8))
    }

    public func create(userID: Int64, now: Int64, clientHash: String? = nil) throws -> Created {
        let token = SecureRandom.token(byteCount: 32)
        let csrf = SecureRandom.token(byteCount: 32)
        let tokenHash = Self.hash(token: token)
        try connection.run(
            """
            INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, client_hash)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [tokenHash, userID, csrf, now, now, clientHash])
        return Created(token: token, tokenHash: tokenHash, csrfToken: csrf)
    }

    /// The session and its enabled account; nil for an unknown token or a disabled account. Expiry is the
    /// caller's decision (`SessionPolicy`).
    package func resolve(tokenHash: String) throws -> Resolved? {
        guard
            let row = try connection.queryOne(
                "SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_hash = ?", [tokenHash])
        else { return nil }
        guard let user = try UserStore(connection).find(id: try row.int64("user_id")), !user.disabled else {
            return nil
        }
        return Resolved(
            user: user, csrfToken: try row.string("csrf_token"), createdAt: try row.int64("created_at"),
            lastSeenAt: try row.int64("last_seen_at"))
    }

    public func touch(tokenHash: String, now: Int64) throws {
        try connection.run("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", [now, tokenHash])
    }

    public func delete(tokenHash: String) throws {
        try connection.run("DELETE FROM sessions WHERE token_hash = ?", [tokenHash])
    }

    /// Ends every session of an account except, optionally, the one in use (after a password change).
    public func deleteAll(userID: Int64, except keptHash: String? = nil) throws {
        try connection.run("DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?", [userID, keptHash])
    }

    /// Removes sessions past either limit; run at login so the table never grows without bound.
    public func deleteExpired(now: Int64, policy: SessionPolicy) throws {
        try connection.run(
            "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
            [now - policy.idleSeconds, now - policy.absoluteSeconds])
    }

    public func count(userID: Int64) throws -> Int {
        try connection.scalar("SELECT count(*) FROM sessions WHERE user_id = ?", [userID], as: Int.self) ?? 0
    }
}
