/// What a token may do: read only (GET and HEAD), or read and write (the default, as before scopes existed).
public enum APITokenScope: String, Sendable, Hashable, CaseIterable {
    case read
    case readWrite = "read,write"

    public var label: String {
        switch self {
        case .read: "chỉ đọc"
        case .readWrite: "đọc và ghi"
        }
    }
}

/// Why a token that exists may not be used now. Checked in this order, so the first reason an operator would fix
/// is the one named.
public enum TokenRefusal: Error, Sendable, Hashable {
    case unknown
    case revoked
    case expired
    case accountDisabled
    /// The owner changed the password, or it was reset, after the token was made.
    case passwordChanged
    /// The owner still has to change a first password.
    case passwordChangeRequired

    static func of(_ token: APITokenStore.TokenRecord, user: UserRecord, now: Int64) -> TokenRefusal? {
        if token.revokedAt != nil { return .revoked }
        if now >= token.expiresAt { return .expired }
        if user.disabled { return .accountDisabled }
        if token.createdAt < user.passwordChangedAt { return .passwordChanged }
        if user.mustChangePassword { return .passwordChangeRequired }
        return nil
    }
}
