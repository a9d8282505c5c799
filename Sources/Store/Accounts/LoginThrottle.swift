import Database

/// Counts failed logins per key ('user:NAME' or 'addr:HASH') in a fixed window; too many lock the key for a
/// while. Per account it stops guessing one password; per address it stops one client trying many accounts.
public struct LoginThrottle {
    public struct Rule: Sendable, Hashable {
        public var maximumFailures: Int
        public var windowSeconds: Int64
        public var lockSeconds: Int64

        /// Five wrong passwords in 15 minutes lock the account for 15 minutes.
        public static let account = Rule(maximumFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60)
        /// An office behind one address has many staff, so the per-address bound is higher.
        public static let address = Rule(maximumFailures: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60)
    }

    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public static func accountKey(_ username: String) -> String { "user:" + username.lowercased() }

    /// The latest instant until which any of `keys` is locked, if one is locked now.
    public func lockedUntil(keys: [String], now: Int64) throws -> Int64? {
        var latest: Int64?
        for key in keys {
            if let until: Int64 = try connection.scalar(
                "SELECT locked_until FROM login_attempts WHERE key = ? AND locked_until > ?", [key, now])
            {
                latest = max(latest ?? until, until)
            }
        }
        return latest
    }

    /// Counts one failure; returns true when it locked the key.
    @discardableResult
    public func recordFailure(key: String, rule: Rule, now: Int64) throws -> Bool {
        let row = try connection.queryOne("SELECT failures, window_start FROM login_attempts WHERE key = ?", [key])
        var failures = 1
        var windowStart = now
        if let row, now - (try row.int64("window_start")) < rule.windowSeconds {
            failures = try row.int("failures") + 1
            windowStart = try row.int64("window_start")
        }
        let locks = failures >= rule.maximumFailures
        try connection.run(
            """
            INSERT INTO login_attempts (key, failures, window_start, locked_until) VALUES (?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start,
                                            locked_until = excluded.locked_until
            """,
            // A lock starts a fresh count: after it ends, five more failures are needed to lock again.
            [key, locks ? 0 : failures, locks ? now : windowStart, locks ? now + rule.lockSeconds : nil])
        return locks
    }

    /// Forgets counts older than a day that hold no lock, so names and addresses tried once do not pile up.
    public func deleteStale(now: Int64) throws {
        try connection.run(
            "DELETE FROM login_attempts WHERE window_start < ? AND (locked_until IS NULL OR locked_until < ?)",
            [now - 86_400, now])
    }

    public func reset(key: String) throws {
        try connection.run("DELETE FROM login_attempts WHERE key = ?", [key])
    }

    /// Whole minutes to wait, rounded up, for the message ("thử lại sau 15 phút").
    public static func minutes(until: Int64, now: Int64) -> Int {
        Int(max(1, (until - now + 59) / 60))
    }
}
