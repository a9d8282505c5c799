import CSodium

/// Password storage with libsodium's `crypto_pwhash_str` (argon2id). The result is a self-describing string
/// ("$argon2id$v=19$m=65536,t=2,p=1$salt$hash") holding the algorithm, its limits and a random salt, so limits
/// can be raised later and old hashes still verify (`needsRehash` tells when to upgrade one at login).
///
/// Limits are libsodium's INTERACTIVE ones (2 passes over 64 MiB, about 50–100 ms on one server core): meant for
/// online logins. MODERATE (256 MiB, ~0.7 s) and SENSITIVE (1 GiB, several seconds) would let a handful of
/// simultaneous logins exhaust the memory and both cores of the small machine qcdc runs on; brute force over the
/// network is stopped by login throttling instead, and INTERACTIVE still makes an offline attack on a stolen
/// database costly. Hashing is slow on purpose: never call it on an event loop or a cooperative task directly.
public enum Password {
    /// The limits new hashes use.
    public static var operationsLimit: UInt64 { UInt64(crypto_pwhash_opslimit_interactive()) }
    public static var memoryLimit: Int { Int(crypto_pwhash_memlimit_interactive()) }

    /// Hashes `password` with a fresh random salt.
    public static func hash(_ password: String) throws(PasswordError) -> String {
        Sodium.ensureReady()
        // NUL-terminated so the buffer is never empty (an empty array has no base address); the NUL is not hashed.
        let chars = Array(password.utf8CString)
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let result = crypto_pwhash_str(&output, chars, UInt64(chars.count - 1), operationsLimit, memoryLimit)
        guard result == 0 else { throw .hashingFailed }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches `hash`. A malformed hash simply does not match.
    public static func verify(_ password: String, hash: String) -> Bool {
        Sodium.ensureReady()
        guard hash.utf8.count < Int(crypto_pwhash_strbytes()) else { return false }
        let chars = Array(password.utf8CString)
        return crypto_pwhash_str_verify(hash, chars, UInt64(chars.count - 1)) == 0
    }

    /// True when `hash` was made with other limits or another algorithm than new hashes use (or is not a hash
    /// at all): rehash the password the next time the user signs in.
    public static func needsRehash(_ hash: String) -> Bool {
        Sodium.ensureReady()
        return crypto_pwhash_str_needs_rehash(hash, operationsLimit, memoryLimit) != 0
    }
}

public enum PasswordError: Error, Sendable, CustomStringConvertible {
    /// libsodium could not allocate the memory argon2id needs.
    case hashingFailed

    public var description: String {
        switch self {
        case .hashingFailed:
            "Không tạo được mã băm mật khẩu (thiếu bộ nhớ cho argon2id, cần khoảng 64 MiB). Hãy thử lại sau."
        }
    }
}
