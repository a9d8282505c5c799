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
        /// `null` for a token never used yet.
        @Nullable var lastUsedAt: String?

        init(_ record: APITokenStore.TokenRecord) {
            name = record.name
            scope = record.scope.rawValue
            createdAt = VietnamTime.timestampText(at: record.createdAt)
            expiresAt = VietnamTime.timestampText(at: record.expiresAt)
            lastUsedAt = record.lastUsedAt.map(VietnamTime.timestampText)
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

    /// Written as a dictionary because `APIJSON` snake-cases every property's key, and the deprecated `unitCode`
    /// and `unitName` must keep their camelCase; a dictionary's keys it writes as they are.
    func encode(to encoder: any Encoder) throws {
        let fields: [String: Field] = [
            "username": .text(username), "role": .text(role), "unit_code": .text(unitCode),
            "unit_name": .text(unitName), "unitCode": .text(unitCode), "unitName": .text(unitName),
            "token": .token(token),
        ]
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }

    private enum Field: Encodable {
        case text(String)
        case token(Token)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .token(let token): try container.encode(token)
            }
        }
    }
}
