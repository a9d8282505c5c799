/// The person behind a request, as the session or the API token resolved it. Built fresh for each request
/// from the database, so a disabled account or a changed role takes effect at once.
public struct AuthenticatedUser: Sendable, Hashable {
    public let id: Int64
    public let username: String
    public let role: Role
    public let unitID: Int64
    public let unitCode: String
    public let unitName: String
    public let mustChangePassword: Bool
    /// True when the request came with `Authorization: Bearer`, false for a browser session.
    public let viaAPIToken: Bool

    public init(
        id: Int64, username: String, role: Role, unitID: Int64, unitCode: String, unitName: String,
        mustChangePassword: Bool, viaAPIToken: Bool
    ) {
        self.id = id
        self.username = username
        self.role = role
        self.unitID = unitID
        self.unitCode = unitCode
        self.unitName = unitName
        self.mustChangePassword = mustChangePassword
        self.viaAPIToken = viaAPIToken
    }
}
