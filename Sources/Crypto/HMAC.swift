import CSodium

/// HMAC-SHA-256 through libsodium, for signed tokens.
public enum HMAC {
    public static let byteCount = Int(crypto_auth_hmacsha256_BYTES)

    public static func sign(_ message: some Collection<UInt8>, key: [UInt8]) -> [UInt8] {
        Sodium.ensureReady()
        var output = [UInt8](repeating: 0, count: byteCount)
        var state = crypto_auth_hmacsha256_state()
        let bytes = Array(message)
        _ = crypto_auth_hmacsha256_init(&state, key, key.count)
        _ = crypto_auth_hmacsha256_update(&state, bytes, UInt64(bytes.count))
        _ = crypto_auth_hmacsha256_final(&state, &output)
        return output
    }

    /// Compares a presented tag with the expected one in constant time.
    public static func verify(_ tag: [UInt8], message: some Collection<UInt8>, key: [UInt8]) -> Bool {
        let expected = sign(message, key: key)
        return ConstantTime.equal(tag, expected)
    }
}
