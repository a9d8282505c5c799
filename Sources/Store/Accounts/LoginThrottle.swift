import Database

/// Exponential back-off for password guesses, per key: 'user:NAME' (one account, from browsers it does not
/// know), 'addr:HASH' (one network trying many accounts), 'device:ID' (a browser that signed in before, slowed
/// only by its own failures), 'change:HASH' (the current password on the change page, per session).
///
/// There is no lock someone else can set for long: the first `freeFailures` failures cost nothing, then each
/// one doubles the wait before the next attempt (1 s, 2 s, 4 s … at most `maximumDelay`), and a success clears
/// the account. Rows hold the failures and, in `locked_until`, the instant the next attempt is allowed.
///
/// An attempt is reserved BEFORE the password is checked (`reserve`, inside one write transaction): it counts as
/// a failure until the caller reports success, so twenty parallel guesses get exactly as many checks as twenty
/// sequential ones.
public struct LoginThrottle {
    public struct Rule: Sendable, Hashable {
        public var freeFailures: Int
        public var baseDelay: Int64
        public var maximumDelay: Int64
        /// A key quiet this long after its last wait ends starts again from nothing: an office's typos of the
        /// morning do not slow its afternoon.
        public var forgetAfter: Int64

        /// An account, a device, a session: five free failures, then 1 s, 2 s, 4 s … at most 15 minutes.
        public static let standard = Rule(freeFailures: 5, baseDelay: 1, maximumDelay: 15 * 60, forgetAfter: 3600)
        /// A network is shared by a whole office (one NAT for every officer), so it gets more free failures.
        public static let address = Rule(freeFailures: 20, baseDelay: 1, maximumDelay: 15 * 60, forgetAfter: 3600)

        /// The rule of a key, from its prefix.
        public static func of(_ key: String) -> Rule { key.hasPrefix("addr:") ? .address : .standard }

        /// The wait after `failures` failures: 0 up to `freeFailures - 1`, then baseDelay · 2^(failures − free).
        public func delay(failures: Int) -> Int64 {
            guard failures >= freeFailures else { return 0 }
            let doublings = failures - freeFailures
            guard doublings < 40 else { return maximumDelay }
            return min(maximumDelay, baseDelay << Int64(doublings))
        }
    }

    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public static func accountKey(_ username: String) -> String { "user:" + username.lowercased() }

    /// Counts one attempt on every key, or none: when a key must still wait, returns the seconds left (the
    /// longest of the keys) and changes nothing. Call it inside a write transaction.
    public func reserve(keys: [String], now: Int64) throws -> Int64? {
        var states: [(key: String, failures: Int)] = []
        var wait: Int64 = 0
        for key in keys {
            let state = try current(key, now: now)
            wait = max(wait, state.allowedAt - now)
            states.append((key, state.failures))
        }
        guard wait <= 0 else { return wait }
        for state in states {
            try save(state.key, failures: state.failures + 1, now: now)
        }
        return nil
    }

    /// Takes back one reserved attempt of `key` (the password was right, but the key is a shared one, such as an
    /// address, that must not be cleared by one good login).
    public func release(key: String, now: Int64) throws {
        let state = try current(key, now: now)
        guard state.failures > 0 else { return }
        if state.failures == 1 { return try reset(key: key) }
        try save(key, failures: state.failures - 1, now: now)
    }

    public func reset(key: String) throws {
        try connection.run("DELETE FROM login_attempts WHERE key = ?", [key])
    }

    /// Forgets keys quiet for `forgetAfter`, so names and addresses tried once do not pile up.
    public func deleteStale(now: Int64) throws {
        let quiet = max(Rule.standard.forgetAfter, Rule.address.forgetAfter)
        try connection.run(
            "DELETE FROM login_attempts WHERE coalesce(locked_until, window_start) <= ?", [now - quiet])
    }

    /// Failures counted on `key` now (for tests and the audit detail).
    public func failures(key: String, now: Int64) throws -> Int {
        try current(key, now: now).failures
    }

    private func current(_ key: String, now: Int64) throws -> (failures: Int, allowedAt: Int64) {
        let rule = Rule.of(key)
        guard
            let row = try connection.queryOne(
                "SELECT failures, window_start, locked_until FROM login_attempts WHERE key = ?", [key])
        else { return (0, now) }
        let allowedAt = try row.optionalInt64("locked_until") ?? row.int64("window_start")
        if now - allowedAt >= rule.forgetAfter { return (0, now) }
        return (try row.int("failures"), allowedAt)
    }

    private func save(_ key: String, failures: Int, now: Int64) throws {
        let rule = Rule.of(key)
        try connection.run(
            """
            INSERT INTO login_attempts (key, failures, window_start, locked_until) VALUES (?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until
            """, [key, failures, now, now + rule.delay(failures: failures)])
    }

    /// The wait as people say it: "12 giây", "3 phút" (rounded up).
    public static func waitText(_ seconds: Int64) -> String {
        seconds < 60 ? "\(max(1, seconds)) giây" : "\((seconds + 59) / 60) phút"
    }
}
