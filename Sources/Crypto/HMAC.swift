import CSodium
import Synchronization

/// HMAC-SHA-256 through libsodium, for signed tokens.
public enum HMAC {
    public static let byteCount = Int(crypto_auth_hmacsha256_BYTES)

    public static func sign(_ message: some Collection<UInt8>, key: [UInt8]) -> [UInt8] {
        Sodium.ensureReady()
        var state = KeyedStates.shared.state(for: key)
        // Signed in place when the message is contiguous (arrays and their slices), copied only otherwise.
        if message.withContiguousStorageIfAvailable({ update(&state, with: $0) }) == nil {
            let bytes = Array(message)
            bytes.withUnsafeBufferPointer { update(&state, with: $0) }
        }
        return [UInt8](unsafeUninitializedCapacity: byteCount) { output, count in
            _ = crypto_auth_hmacsha256_final(&state, output.baseAddress!)
            count = byteCount
        }
    }

    private static func update(_ state: inout crypto_auth_hmacsha256_state, with bytes: UnsafeBufferPointer<UInt8>) {
        _ = crypto_auth_hmacsha256_update(&state, bytes.baseAddress, UInt64(bytes.count))
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
///
/// A short list searched in order rather than a dictionary: hashing an array of bytes feeds the hasher one byte at a
/// time, while comparing a key with the few kept is one check of identity (a caller's stored key is the same array
/// every time) or a short compare, and the key used last is moved to the front.
final class KeyedStates: Sendable {
    static let shared = KeyedStates()
    /// Keys come and go (a salt per day): past this many the cache starts over.
    static let capacity = 32

    private struct Entry {
        let key: [UInt8]
        let state: crypto_auth_hmacsha256_state
    }

    private let entries = Mutex<[Entry]>([])

    func state(for key: [UInt8]) -> crypto_auth_hmacsha256_state {
        let kept: crypto_auth_hmacsha256_state? = entries.withLock { entries in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            if index > 0 { entries.swapAt(index, 0) }
            return entries[0].state
        }
        if let kept { return kept }
        var state = crypto_auth_hmacsha256_state()
        _ = crypto_auth_hmacsha256_init(&state, key, key.count)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries.insert(Entry(key: key, state: state), at: 0)
        }
        return state
    }
}
