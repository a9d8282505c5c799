/// An account row with its unit, for the stores, the CLI and the user pages.
public struct UserRecord: Sendable, Hashable {
    public let id: Int64
    public let username: String
    public let role: Role
    public let unitID: Int64
    public let unitCode: String
    public let unitName: String
    public let mustChangePassword: Bool
    public let disabled: Bool
    public let createdAt: Int64
    public let passwordChangedAt: Int64
    /// The argon2id string; never shown, logged or sent anywhere.
    package let passwordHash: String

    /// The identity a session or token carries for this account.
    public func authenticated(viaAPIToken: Bool) -> AuthenticatedUser {
        AuthenticatedUser(
            id: id, username: username, role: role, unitID: unitID, unitCode: unitCode,
            unitName: unitName, mustChangePassword: mustChangePassword, viaAPIToken: viaAPIToken)
    }
}
