/// What a new password must satisfy, with the Vietnamese sentence that says what is wrong.
public enum PasswordPolicy {
    public static let minimumLength = 10
    /// Long enough for any passphrase; a bound keeps a megabyte "password" from reaching the hasher.
    public static let maximumLength = 200

    /// nil when `password` is acceptable for `username`.
    public static func problem(_ password: String, username: String) -> String? {
        if password.count < minimumLength {
            return "Mật khẩu phải có ít nhất \(minimumLength) ký tự (mật khẩu ngắn dễ bị dò ra)."
        }
        if password.count > maximumLength {
            return "Mật khẩu không được dài quá \(maximumLength) ký tự."
        }
        if password.lowercased() == username.lowercased() {
            return "Mật khẩu không được trùng với tên đăng nhập."
        }
        return nil
    }
}

/// What a username must satisfy: short, printable, without spaces (people type it on phones).
public enum UsernamePolicy {
    public static let maximumLength = 64

    public static func problem(_ username: String) -> String? {
        if username.isEmpty { return "Tên đăng nhập không được để trống." }
        if username.count > maximumLength { return "Tên đăng nhập không được dài quá \(maximumLength) ký tự." }
        if username.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
        ) {
            return "Tên đăng nhập không được chứa dấu cách hay ký tự điều khiển."
        }
        return nil
    }
}
