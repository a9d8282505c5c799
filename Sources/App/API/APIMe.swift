import Store
import Survey

/// `GET /api/v1/me`: the account a token acts for and the token itself, so an integrator can see which unit its
/// figures are scoped to, whether it may write and when it must ask for a new token.
///
/// `unit_code` and `unit_name` follow the API's snake_case. `unitCode` and `unitName` are the names this answer had
/// before the contract was written down; they stay, with the same values, for clients already reading them, and the
/// document marks them deprecated (to go in a v2).
struct APIMe: Encodable, Sendable {
    struct Token: Encodable, Sendable {
        let name: String
        let scope: String
        let createdAt: String
        let expiresAt: String
        let lastUsedAt: String?

        init(_ record: APITokenStore.TokenRecord) {
            name = record.name
            scope = record.scope.rawValue
            createdAt = VietnamTime.timestampText(at: record.createdAt)
            expiresAt = VietnamTime.timestampText(at: record.expiresAt)
            lastUsedAt = record.lastUsedAt.map(VietnamTime.timestampText)
        }

        enum CodingKeys: String, CodingKey {
            case name, scope
            case createdAt = "created_at"
            case expiresAt = "expires_at"
            case lastUsedAt = "last_used_at"
        }

        // Explicit, so that a token never used yet says `"last_used_at": null`.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(scope, forKey: .scope)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(expiresAt, forKey: .expiresAt)
            try container.encode(lastUsedAt, forKey: .lastUsedAt)
        }
    }

    let username: String
    let role: String
    let unitCode: String
    let unitName: String
    let token: Token

    init(user: AuthenticatedUser, token: APITokenStore.TokenRecord) {
        username = user.username
        role = user.role.rawValue
        unitCode = user.unitCode
        unitName = user.unitName
        self.token = Token(token)
    }

    enum CodingKeys: String, CodingKey {
        case username, role, token
        case unitCode = "unit_code"
        case unitName = "unit_name"
        case deprecatedUnitCode = "unitCode"
        case deprecatedUnitName = "unitName"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(username, forKey: .username)
        try container.encode(role, forKey: .role)
        try container.encode(unitCode, forKey: .unitCode)
        try container.encode(unitName, forKey: .unitName)
        try container.encode(unitCode, forKey: .deprecatedUnitCode)
        try container.encode(unitName, forKey: .deprecatedUnitName)
        try container.encode(token, forKey: .token)
    }
}
