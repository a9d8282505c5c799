import CSodium

/// Authenticated encryption with libsodium's XChaCha20-Poly1305 (IETF AEAD): a random 24-byte nonce per message,
/// so a key can seal any number of messages without nonce bookkeeping. The additional data is authenticated but
/// not encrypted: it binds a sealed value to where it is stored (a row's identity), so a copy moved to another row
/// does not open.
public enum SealedBox {
    public static let keyByteCount = Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    static let nonceByteCount = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    static let tagByteCount = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)

    /// A key for one purpose derived from a longer-lived secret: HMAC-SHA-256(secret, purpose), so the server
    /// secret itself never encrypts anything directly and each use has its own key.
    public static func key(from secret: [UInt8], purpose: String) -> [UInt8] {
        Array(HMAC.sign(Array(purpose.utf8), key: secret).prefix(keyByteCount))
    }

    /// The nonce followed by the ciphertext and its tag.
    public static func seal(_ message: [UInt8], key: [UInt8], additionalData: [UInt8]) -> [UInt8] {
        Sodium.ensureReady()
        precondition(key.count == keyByteCount, "SealedBox key must have \(keyByteCount) bytes")
        let nonce = SecureRandom.bytes(nonceByteCount)
        var output = [UInt8](repeating: 0, count: message.count + tagByteCount)
        var written: UInt64 = 0
        _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
            &output, &written, message, UInt64(message.count), additionalData, UInt64(additionalData.count), nil,
            nonce, key)
        return nonce + output.prefix(Int(written))
    }

    /// The message, or nil when the box was not sealed with this key and additional data or was altered.
    public static func open(_ box: [UInt8], key: [UInt8], additionalData: [UInt8]) -> [UInt8]? {
        Sodium.ensureReady()
        guard key.count == keyByteCount, box.count >= nonceByteCount + tagByteCount else { return nil }
        let nonce = Array(box.prefix(nonceByteCount))
        let sealed = Array(box.dropFirst(nonceByteCount))
        var output = [UInt8](repeating: 0, count: sealed.count - tagByteCount)
        var written: UInt64 = 0
        let result = crypto_aead_xchacha20poly1305_ietf_decrypt(
            &output, &written, nil, sealed, UInt64(sealed.count), additionalData, UInt64(additionalData.count), nonce,
            key)
        guard result == 0 else { return nil }
        return Array(output.prefix(Int(written)))
    }
}
