import CSodium
import Synchronization

/// HMAC-SHA-256 through libsodium, for signed tokens.
public enum HMAC {
    public static let byteCount = Int(crypto_auth_hmacsha256_BYTES)

    public static func sign(_ message: some Collection<UInt8>, key: [UInt8]) -> [UInt8] {
        Sodium.ensureReady()
        var output = [UInt8](repeating: 0, count: byteCount)
        var state = KeyedStates.shared.state(for: key)
        let bytes = Array(message)
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

/// The state after the key's inner and outer pads, per key. Keying costs two of the four SHA-256 blocks of an HMAC of
/// a short message, and the server signs with a handful of keys (its secret, the day's salt, the process key) several
/// times per answer; a copy of the keyed state is a plain value, so it is kept and copied instead.
final class KeyedStates: Sendable {
    static let shared = KeyedStates()
    /// Keys come and go (a salt per day): past this many the cache starts over.
    static let capacity = 32

    private let states = Mutex<[[UInt8]: crypto_auth_hmacsha256_state]>([:])

    func state(for key: [UInt8]) -> crypto_auth_hmacsha256_state {
        if let state = states.withLock({ $0[key] }) { return state }
        var state = crypto_auth_hmacsha256_state()
        _ = crypto_auth_hmacsha256_init(&state, key, key.count)
        states.withLock {
            if $0.count >= Self.capacity { $0.removeAll() }
            $0[key] = state
        }
        return state
    }
}
