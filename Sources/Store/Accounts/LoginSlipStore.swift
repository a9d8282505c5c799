import Crypto
import Database

/// The first passwords of accounts created or reset on the web, kept so their login slips can be reloaded and printed
/// again for a short time without a second reset.
///
/// Why keeping them is safe enough: a first password is a temporary, random credential that only lets its holder
/// choose a real password (every page but the password page is closed to it), and the account's own change deletes
/// it here at once. While it lives, it is sealed with XChaCha20-Poly1305 under a key derived from the server secret,
/// which is not in the database, and bound to its row (slip and account), so a copied database file or backup shows
/// no password and a sealed value moved to another row does not open. Only the user who made the slip may read it
/// (checked here, not only by the page), and never after `expires_at` (24 hours): expired slips are deleted at
/// every write. Reading one is audited.
public struct LoginSlipStore {
    package let connection: Connection
    private let key: [UInt8]

    /// How long a slip stays readable.
    public static let lifetimeSeconds: Int64 = 24 * 3600

    public init(_ connection: Connection, secret: [UInt8]) {
        self.connection = connection
        key = SealedBox.key(from: secret, purpose: "qcdc login slips v1")
    }

    /// A slip as stored: the accounts' slips (still readable ones only) and when it stops being readable.
    public struct Stored: Sendable, Hashable {
        public let id: Int64
        public let expiresAt: Int64
        public let slips: [LoginSlip]
    }

    /// Stores a slip made by `actorID` for `entries` (account id, first password) and returns its id. A newer
    /// password of an account replaces what older slips held for it (that password no longer works).
    public func create(actorID: Int64, entries: [(userID: Int64, password: String)], now: Int64) throws -> Int64 {
        try deleteExpired(now: now)
        try connection.run(
            "INSERT INTO login_slips (created_by, created_at, expires_at) VALUES (?, ?, ?)",
            [actorID, now, now + Self.lifetimeSeconds])
        let slipID = connection.lastInsertRowID
        for (position, entry) in entries.enumerated() {
            try forget(userID: entry.userID)
            let sealed = SealedBox.seal(
                Array(entry.password.utf8), key: key, additionalData: Self.additionalData(slipID, entry.userID))
            try connection.run(
                "INSERT INTO login_slip_passwords (slip_id, user_id, position, sealed) VALUES (?, ?, ?, ?)",
                [slipID, entry.userID, position, sealed])
        }
        return slipID
    }

    /// The slip `id` if `readerID` made it and it has not expired; nil otherwise (unknown, someone else's or
    /// expired: the caller cannot tell which). Accounts whose password changed since are no longer on it.
    public func slip(id: Int64, readerID: Int64, now: Int64) throws -> Stored? {
        guard
            let row = try connection.queryOne(
                "SELECT expires_at FROM login_slips WHERE id = ? AND created_by = ? AND expires_at > ?",
                [id, readerID, now])
        else { return nil }
        let rows = try connection.query(
            """
            SELECT p.user_id AS user_id, p.sealed AS sealed, u.username AS username, n.name AS unit_name
            FROM login_slip_passwords p JOIN users u ON u.id = p.user_id JOIN units n ON n.id = u.unit_id
            WHERE p.slip_id = ? ORDER BY p.position
            """, [id])
        let slips = try rows.compactMap { row -> LoginSlip? in
            // A slip sealed under another server secret does not open: it is simply no longer readable.
            guard
                let password = SealedBox.open(
                    try row.blob("sealed"), key: key, additionalData: Self.additionalData(id, try row.int64("user_id")))
            else { return nil }
            return LoginSlip(
                unitName: try row.string("unit_name"), username: try row.string("username"),
                password: String(decoding: password, as: UTF8.self))
        }
        return Stored(id: id, expiresAt: try row.int64("expires_at"), slips: slips)
    }

    /// Deletes what any slip holds for an account: its password changed (by its owner or a newer reset).
    public func forget(userID: Int64) throws {
        try connection.run("DELETE FROM login_slip_passwords WHERE user_id = ?", [userID])
    }

    /// Deletes expired slips and their passwords.
    public func deleteExpired(now: Int64) throws {
        try connection.run(
            "DELETE FROM login_slip_passwords WHERE slip_id IN (SELECT id FROM login_slips WHERE expires_at <= ?)",
            [now])
        try connection.run("DELETE FROM login_slips WHERE expires_at <= ?", [now])
    }

    /// How many sealed passwords are stored for an account (tests, and the audit of a deletion).
    public func count(userID: Int64) throws -> Int {
        try connection.scalar("SELECT count(*) FROM login_slip_passwords WHERE user_id = ?", [userID], as: Int.self)
            ?? 0
    }

    private static func additionalData(_ slipID: Int64, _ userID: Int64) -> [UInt8] {
        Array("login-slip:\(slipID):\(userID)".utf8)
    }
}
