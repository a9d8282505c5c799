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
        /// `device` is the browser's device cookie to set (kept or fresh), so it is recognised next time.
        case success(user: UserRecord, session: SessionStore.Created, device: DeviceToken)
        /// Unknown name, wrong password or disabled account: the page says the same for all three.
        case failed
        /// Too many failures: the next attempt is allowed in this many seconds.
        case locked(seconds: Int64)
    }

    /// Verified against when the name is unknown, so an unknown name takes as long as a wrong password.
    private static let dummyHash: String = (try? Password.hash("qcdc dummy password for timing")) ?? ""

    /// Checks a login. The attempt is reserved on the throttle keys before the password is verified (see
    /// `LoginThrottle`): the account and the client's network, or, for a browser whose device cookie names this
    /// account, that device alone. Refusals and failures are counted on one audit row per account and hour.
    func login(
        username: String, password: String, client: IPAddress?, userAgent: String?,
        previousTokenHash: String?, device: DeviceToken?
    ) async throws -> LoginOutcome {
        let now = environment.clock.nowSeconds
        let tried = String(username.prefix(UsernamePolicy.maximumLength))
        let user = try await environment.database.read { try UserStore($0).find(username: tried) }
        let knownDevice = device.flatMap { $0.userID == user?.id && $0.isValid(now: now) ? $0 : nil }
        let accountKey = LoginThrottle.accountKey(tried)
        let addressKey = self.addressKey(client)
        let keys = knownDevice.map { [$0.throttleKey] } ?? [accountKey, addressKey]
        // Unknown names share one audit row per hour, the name tried in its detail: a flood of invented names
        // cannot add a row each.
        let auditName = user?.username
        let unknownNote = user == nil ? " (tên gần nhất: “\(tried)”)" : ""
        let wait = try await environment.database.write { connection -> Int64? in
            guard let wait = try LoginThrottle(connection).reserve(keys: keys, now: now) else { return nil }
            try AuditLog(connection).recordRepeated(
                userID: user?.id, username: auditName, unitID: user?.unitID, action: AuditAction.loginLocked,
                detail: "Đăng nhập khi còn phải chờ" + unknownNote, at: now)
            return wait
        }
        if let wait { return .locked(seconds: wait) }
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
                // The attempt is already counted; only the audit row and the clean-up remain.
                try LoginThrottle(connection).deleteStale(now: now)
                try AuditLog(connection).recordRepeated(
                    userID: user?.id, username: auditName, unitID: user?.unitID,
                    action: AuditAction.loginFailed, detail: reason + unknownNote, at: now)
            }
            return .failed
        }
        var upgraded: String?
        if Password.needsRehash(user.passwordHash) {
            upgraded = try await worker.run { try Password.hash(password) }
        }
        let clientHash = self.clientHash(address: client?.description, userAgent: userAgent)
        let policy = self.policy
        let secret = environment.secret
        let session = try await environment.database.write { [upgraded] connection in
            if let upgraded { try UserStore(connection).upgradeHash(userID: user.id, hash: upgraded) }
            let throttle = LoginThrottle(connection)
            try throttle.reset(key: accountKey)
            if let knownDevice {
                try throttle.reset(key: knownDevice.throttleKey)
            } else {
                // A network is shared by an office: one good login takes back its own attempt, no more.
                try throttle.release(key: addressKey, now: now)
            }
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
        // The same device id stays (its own failure count follows it); its lifetime starts again.
        let renewed = DeviceToken(
            userID: user.id, deviceID: knownDevice?.deviceID ?? DeviceToken.mint(userID: user.id, now: now).deviceID,
            issuedAt: now)
        return .success(user: user, session: session, device: renewed)
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
        case locked(seconds: Int64)
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
        // The change page is throttled per session, never by the login throttle: a signed-in user can change
        // the password while others fail at the login page; a borrowed session still cannot guess quickly.
        let changeKey = "change:" + String(sessionHash.prefix(32))
        if let wait = try await environment.database.write({
            try LoginThrottle($0).reserve(keys: [changeKey], now: now)
        }) {
            return .locked(seconds: wait)
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
        // A wrong current password stays counted on the session's key (reserved above).
        guard let newHash else { return .rejected(["current": "Mật khẩu hiện tại không đúng."]) }
        try await environment.database.write { connection in
            try UserStore(connection).setPassword(userID: user.id, hash: newHash, mustChange: false, now: now)
            try SessionStore(connection).deleteAll(userID: user.id, except: sessionHash)
            // The first password on a slip no longer works: nobody needs to read it again.
            try LoginSlipStore(connection, secret: secret).forget(userID: user.id)
            try LoginThrottle(connection).reset(key: accountKey)
            try LoginThrottle(connection).reset(key: changeKey)
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

    /// 'addr:' + a keyed hash of the client's network (IPv4 /32, IPv6 /64: a phone rotating privacy addresses
    /// is one network): throttling works without keeping addresses in clear.
    func addressKey(_ client: IPAddress?) -> String {
        "addr:" + String(Hex.encode(HMAC.sign(client?.network ?? [0], key: environment.secret)).prefix(32))
    }

    private func clientHash(address: String?, userAgent: String?) -> String {
        let text = (address ?? "") + "\n" + (userAgent ?? "")
        return String(Hex.encode(HMAC.sign(Array(text.utf8), key: environment.secret)).prefix(32))
    }
}
