import CSodium

/// SHA-256 through libsodium.
public enum SHA256 {
    public static let byteCount = Int(crypto_hash_sha256_BYTES)

    public static func digest(_ data: some Collection<UInt8>) -> [UInt8] {
        Sodium.ensureReady()
        var output = [UInt8](repeating: 0, count: byteCount)
        let input = Array(data)
        input.withUnsafeBufferPointer { inputBuffer in
            _ = crypto_hash_sha256(&output, inputBuffer.baseAddress, UInt64(inputBuffer.count))
        }
        return output
    }

    public static func hex(_ data: some Collection<UInt8>) -> String {
        Hex.encode(digest(data))
    }
}
