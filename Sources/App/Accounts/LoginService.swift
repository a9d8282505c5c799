import Crypto
import Database
import Store
import Web

/// Signing in, changing and resetting passwords: the rules around the password hash, throttling, sessions and the
/// audit log, apart from the pages. Hashing runs on `worker`; database work in the pool's threads.
struct LoginService: Sendable {
    let environment: AppEnvironment
    let worker: PasswordWorker
    let policy: SessionPolicy

    enum LoginOutcome: Sendable {
        case success(user: UserRecord, session: SessionStore.Created)
        /// Unknown name, wrong password or disabled account: the page says the same for all three.
        case failed
        case locked(minutes: Int)
    }

    /// Verified against when the name is unknown, so an unknown name takes as long as a wrong password.
    private static let dummyHash: String = (try? Password.hash("qcdc dummy password for timing")) ?? ""

    func login(
        username: String, password: String, clientAddress: String?, userAgent: String?,
        previousTokenHash: String?
    ) async throws -> LoginOutcome {
        let now = environment.clock.nowSeconds
        let tried = String(username.prefix(UsernamePolicy.maximumLength))
        let accountKey = LoginThrottle.accountKey(tried)
        let addressKey = self.addressKey(clientAddress)
        if let until = try await environment.database.read({
            try LoginThrottle($0).lockedUntil(keys: [accountKey, addressKey], now: now)
        }) {
            try await environment.database.write {
                try AuditLog($0).record(
                    userID: nil, username: tried, unitID: nil, action: AuditAction.loginLocked,
                    detail: "Đăng nhập khi đang bị tạm khóa", at: now)
            }
            return .locked(minutes: LoginThrottle.minutes(until: until, now: now))
        }
        let user = try await environment.database.read { try UserStore($0).find(username: tried) }
        let storedHash = user?.passwordHash
        let matches = try await worker.run {
            guard let storedHash else {
                _ = Password.verify(password, hash: Self.dummyHash)
                return false
            }
            return Password.verify(password, hash: storedHash)
        }
        guard let user, matches, !user.disabled else {
            let reason =
                user == nil
                ? "Tên đăng nhập không tồn tại" : user?.disabled == true ? "Tài khoản đã bị khóa" : "Sai mật khẩu"
            try await environment.database.write { connection in
                let throttle = LoginThrottle(connection)
                try throttle.recordFailure(key: accountKey, rule: .account, now: now)
                try throttle.recordFailure(key: addressKey, rule: .address, now: now)
                try throttle.deleteStale(now: now)
                try AuditLog(connection).record(
                    userID: user?.id, username: tried, unitID: user?.unitID,
                    action: AuditAction.loginFailed, detail: reason, at: now)
            }
            return .failed
        }
        var upgraded: String?
        if Password.needsRehash(user.passwordHash) {
            upgraded = try await worker.run { try Password.hash(password) }
        }
        let clientHash = self.clientHash(address: clientAddress, userAgent: userAgent)
        let policy = self.policy
        let secret = environment.secret
        let session = try await environment.database.write { [upgraded] connection in
            if let upgraded { try UserStore(connection).upgradeHash(userID: user.id, hash: upgraded) }
            try LoginThrottle(connection).reset(key: accountKey)
            let sessions = SessionStore(connection)
            // A new token at every login: a cookie planted before login is never promoted to a session.
            if let previousTokenHash { try sessions.delete(tokenHash: previousTokenHash) }
            try sessions.deleteExpired(now: now, policy: policy)
            // Expired login slips go at every login too, so none outlives its 24 hours by much on a quiet server.
            try LoginSlipStore(connection, secret: secret).deleteExpired(now: now)
            let created = try sessions.create(userID: user.id, now: now, clientHash: clientHash)
            try AuditLog(connection).record(
                userID: user.id, username: user.username, unitID: user.unitID,
                action: AuditAction.login, detail: "", at: now)
            return created
        }
        return .success(user: user, session: session)
    }

    func logout(user: AuthenticatedUser, tokenHash: String) async throws {
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try SessionStore(connection).delete(tokenHash: tokenHash)
            try AuditLog(connection).record(user, action: AuditAction.logout, detail: "", at: now)
        }
    }

    enum ChangeOutcome: Sendable {
        case changed
        /// Field name → Vietnamese message.
        case rejected([String: String])
        case locked(minutes: Int)
    }

    /// Checks the current password and the new one, then stores the new hash, clears `must_change_password` and
    /// ends the account's other sessions (a password change is often a reaction to a leak).
    func changePassword(
        user: AuthenticatedUser, sessionHash: String, current: String, new: String,
        repeated: String
    ) async throws -> ChangeOutcome {
        var problems: [String: String] = [:]
        if current.isEmpty { problems["current"] = "Vui lòng nhập mật khẩu hiện tại." }
        if let problem = PasswordPolicy.problem(new, username: user.username) { problems["new"] = problem }
        if new != repeated { problems["repeat"] = "Hai lần nhập mật khẩu mới không giống nhau." }
        if !current.isEmpty, new == current { problems["new"] = "Mật khẩu mới phải khác mật khẩu hiện tại." }
        guard problems.isEmpty else { return .rejected(problems) }

        let now = environment.clock.nowSeconds
        let accountKey = LoginThrottle.accountKey(user.username)
        if let until = try await environment.database.read({
            try LoginThrottle($0).lockedUntil(keys: [accountKey], now: now)
        }) {
            return .locked(minutes: LoginThrottle.minutes(until: until, now: now))
        }
        guard let record = try await environment.database.read({ try UserStore($0).find(id: user.id) }) else {
            throw HTTPError(.notFound, message: "Tài khoản không còn tồn tại.")
        }
        let storedHash = record.passwordHash
        let newHash: String? = try await worker.run {
            guard Password.verify(current, hash: storedHash) else { return nil }
            return try Password.hash(new)
        }
        let secret = environment.secret
        guard let newHash else {
            // Guessing the current password from a borrowed session counts like guessing at the login page.
            try await environment.database.write {
                try LoginThrottle($0).recordFailure(key: accountKey, rule: .account, now: now)
            }
            return .rejected(["current": "Mật khẩu hiện tại không đúng."])
        }
        try await environment.database.write { connection in
            try UserStore(connection).setPassword(userID: user.id, hash: newHash, mustChange: false, now: now)
            try SessionStore(connection).deleteAll(userID: user.id, except: sessionHash)
            // The first password on a slip no longer works: nobody needs to read it again.
            try LoginSlipStore(connection, secret: secret).forget(userID: user.id)
            try LoginThrottle(connection).reset(key: accountKey)
            try AuditLog(connection).record(user, action: AuditAction.passwordChange, detail: "", at: now)
        }
        return .changed
    }

    /// Gives `targetID` a new random first password, if `actor` manages that account: a province user the
    /// district and commune accounts of its unit set, a district user the accounts of its communes. The target's
    /// sessions end and it must choose its own password at the next login. The new password goes on a login slip
    /// the actor can reload for a while (`LoginSlipStore`); returns the account and the slip's id.
    func resetPassword(actor: AuthenticatedUser, targetID: Int64) async throws -> (user: UserRecord, slip: Int64) {
        let target = try await environment.database.read { connection -> UserRecord? in
            guard let target = try UserStore(connection).find(id: targetID) else { return nil }
            let scope = try UnitScope(user: actor, connection: connection)
            guard actor.role.manages(target.role), scope.contains(unitID: target.unitID) else {
                throw HTTPError(.forbidden, message: "Bạn không có quyền cấp lại mật khẩu cho tài khoản này.")
            }
            return target
        }
        guard let target else { throw HTTPError(.notFound, message: "Không tìm thấy tài khoản.") }
        let password = ReadablePassword.generate()
        let hash = try await worker.run { try Password.hash(password) }
        let now = environment.clock.nowSeconds
        let secret = environment.secret
        let slip = try await environment.database.write { connection in
            try UserStore(connection).setPassword(userID: target.id, hash: hash, mustChange: true, now: now)
            try SessionStore(connection).deleteAll(userID: target.id)
            try LoginThrottle(connection).reset(key: LoginThrottle.accountKey(target.username))
            try AuditLog(connection).record(
                actor, action: AuditAction.passwordReset,
                detail: "Cấp lại mật khẩu cho \(target.username) (\(target.unitName))", at: now)
            return try LoginSlipStore(connection, secret: secret).create(
                actorID: actor.id, entries: [(target.id, password)], now: now)
        }
        return (target, slip)
    }

    /// 'addr:' + a keyed hash of the client address: throttling works without keeping addresses in clear.
    func addressKey(_ address: String?) -> String {
        "addr:" + String(Hex.encode(HMAC.sign(Array((address ?? "unknown").utf8), key: environment.secret)).prefix(32))
    }

    private func clientHash(address: String?, userAgent: String?) -> String {
        let text = (address ?? "") + "\n" + (userAgent ?? "")
        return String(Hex.encode(HMAC.sign(Array(text.utf8), key: environment.secret)).prefix(32))
    }
}
