import Crypto
import Database
import Foundation
import Store
import Survey
import Web

/// Account administration on the web: create one account, create the missing ones in bulk, disable and enable, and
/// read back the login slips these (and password resets, see `LoginService.resetPassword`) leave. Scope is checked
/// here on the server, whatever the forms offered: a manager acts only on the roles it manages (`Role.manages`)
/// inside its `UnitScope`. First passwords are generated here and hashed on `worker`; every change is audited in the
/// same write as the change and its slip.
struct UserAdminService: Sendable {
    let environment: AppEnvironment
    let worker: PasswordWorker

    /// The units the actor may give accounts to.
    func managedUnits(actor: AuthenticatedUser) async throws -> ManagedUnits {
        let today = environment.clock.today
        return try await environment.database.read { try ManagedUnits(actor: actor, connection: $0, today: today) }
    }

    /// Creates the account of one unit in scope with a generated first password that must be changed; `username`
    /// nil or empty takes the usual one. Returns the slip's id.
    func create(actor: AuthenticatedUser, unitCode: String, username requested: String?) async throws -> Int64 {
        let managed = try await managedUnits(actor: actor)
        guard let item = managed.item(code: unitCode) else {
            throw HTTPError(.forbidden, message: "Bạn không có quyền tạo tài khoản cho đơn vị mã “\(unitCode)”.")
        }
        let trimmed = (requested ?? "").trimmingCharacters(in: .whitespaces)
        let username = trimmed.isEmpty ? item.proposedUsername : trimmed
        if let problem = UsernamePolicy.problem(username) { throw AccountError.invalid(problem) }
        return try await createAccounts(actor: actor, [(item, username)], bulk: false)
    }

    /// Creates, for the listed units in scope that still have no account, one account each with the usual username;
    /// units that gained an account meanwhile or whose usual name is taken are skipped. Returns the slip's id and
    /// how many accounts it holds.
    func bulkCreate(actor: AuthenticatedUser, unitCodes: [String]) async throws -> (slip: Int64, count: Int) {
        guard !unitCodes.isEmpty else {
            throw HTTPError(.unprocessableContent, message: "Hãy chọn ít nhất một đơn vị cần tạo tài khoản.")
        }
        let managed = try await managedUnits(actor: actor)
        var wanted: [(ManagedUnits.Item, String)] = []
        for code in Set(unitCodes) {
            guard let item = managed.item(code: code) else {
                throw HTTPError(.forbidden, message: "Bạn không có quyền tạo tài khoản cho đơn vị mã “\(code)”.")
            }
            if !item.hasAccount { wanted.append((item, item.proposedUsername)) }
        }
        wanted.sort { ($0.0.role.sortOrder, $0.0.unit.code) < ($1.0.role.sortOrder, $1.0.unit.code) }
        let names = wanted.map(\.1)
        let taken = try await environment.database.read { connection in
            try Set(names.filter { try UserStore(connection).find(username: $0) != nil })
        }
        wanted.removeAll { taken.contains($0.1) }
        guard !wanted.isEmpty else {
            throw HTTPError(.conflict, message: "Các đơn vị đã chọn đều đã có tài khoản; không tạo thêm tài khoản nào.")
        }
        return (try await createAccounts(actor: actor, wanted, bulk: true), wanted.count)
    }

    private func createAccounts(
        actor: AuthenticatedUser, _ wanted: [(item: ManagedUnits.Item, username: String)], bulk: Bool
    ) async throws -> Int64 {
        // One job per hash, so a long batch shares the worker's lanes with logins instead of holding one lane.
        var prepared: [(item: ManagedUnits.Item, username: String, password: String, hash: String)] = []
        for (item, username) in wanted {
            let password = ReadablePassword.generate()
            prepared.append((item, username, password, try await worker.run { try Password.hash(password) }))
        }
        let now = environment.clock.nowSeconds
        let secret = environment.secret
        let entries = prepared
        return try await environment.database.write { connection in
            try connection.transaction {
                var created: [(userID: Int64, password: String)] = []
                for entry in entries {
                    let id = try UserStore(connection).create(
                        username: entry.username, passwordHash: entry.hash, role: entry.item.role,
                        unitID: entry.item.unit.id, mustChangePassword: true, now: now)
                    try AuditLog(connection).record(
                        actor, action: .userAdd,
                        detail:
                            "\(bulk ? "Tạo hàng loạt: tài khoản" : "Thêm tài khoản") \(entry.username) (\(entry.item.role.label.lowercased()), \(entry.item.unit.name))",
                        at: now)
                    created.append((id, entry.password))
                }
                return try LoginSlipStore(connection, secret: secret).create(
                    actorID: actor.id, entries: created, now: now)
            }
        }
    }

    /// The account `targetID` if the actor manages it (its role and unit), for a confirmation page or a change;
    /// 404 when it does not exist, 403 when it is outside the actor's reach.
    func managedAccount(actor: AuthenticatedUser, targetID: Int64) async throws -> UserRecord {
        let target = try await environment.database.read { connection -> UserRecord? in
            guard let target = try UserStore(connection).find(id: targetID) else { return nil }
            let scope = try UnitScope(user: actor, connection: connection)
            guard target.id != actor.id, actor.role.manages(target.role), scope.contains(unitID: target.unitID) else {
                throw HTTPError(.forbidden, message: "Tài khoản này không thuộc phạm vi bạn được quản lý.")
            }
            return target
        }
        guard let target else { throw HTTPError(.notFound, message: "Không tìm thấy tài khoản.") }
        return target
    }

    /// Disables (its sessions end at once) or re-enables an account the actor manages; never the actor itself.
    func setDisabled(actor: AuthenticatedUser, targetID: Int64, _ disabled: Bool) async throws -> UserRecord {
        guard targetID != actor.id else {
            throw HTTPError(.conflict, message: "Bạn không thể tự khóa tài khoản của mình.")
        }
        let target = try await managedAccount(actor: actor, targetID: targetID)
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try connection.transaction {
                try UserStore(connection).setDisabled(userID: target.id, disabled)
                try AuditLog(connection).record(
                    actor, action: disabled ? .userDisable : .userEnable,
                    detail: "\(disabled ? "Khóa" : "Mở khóa") tài khoản \(target.username) (\(target.unitName))",
                    at: now)
            }
        }
        return target
    }

    /// A slip the actor made, still readable; the reading is audited. 404 otherwise (someone else's, expired, or
    /// every account on it has chosen its own password).
    func slip(actor: AuthenticatedUser, id: Int64) async throws -> LoginSlipStore.Stored {
        let now = environment.clock.nowSeconds
        let secret = environment.secret
        let stored = try await environment.database.write { connection -> LoginSlipStore.Stored? in
            try connection.transaction {
                let store = LoginSlipStore(connection, secret: secret)
                try store.deleteExpired(now: now)
                guard let stored = try store.slip(id: id, readerID: actor.id, now: now), !stored.slips.isEmpty else {
                    return nil
                }
                try AuditLog(connection).record(
                    actor, action: .loginSlipView,
                    detail: "Phiếu số \(id): \(stored.slips.map(\.username).joined(separator: ", "))", at: now)
                return stored
            }
        }
        guard let stored else {
            throw HTTPError(
                .notFound,
                message:
                    "Phiếu tài khoản này không còn xem được: phiếu chỉ xem lại được trong 24 giờ, bởi chính người đã tạo, và chỉ cho đến khi tài khoản đổi mật khẩu. Nếu cần, hãy cấp lại mật khẩu."
            )
        }
        return stored
    }
}
