import CSodium

/// SHA-256 over data that arrives in pieces (an upload streamed to disk), without holding it all.
public struct SHA256Hasher {
    private var state = crypto_hash_sha256_state()

    public init() {
        Sodium.ensureReady()
        _ = crypto_hash_sha256_init(&state)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        _ = crypto_hash_sha256_update(&state, base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything given so far; start a new hasher for more.
    public mutating func finalize() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: SHA256.byteCount)
        _ = crypto_hash_sha256_final(&state, &output)
        return output
    }
}
