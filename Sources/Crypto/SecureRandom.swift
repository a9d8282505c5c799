import CSodium
import Synchronization

/// Unpredictable bytes from the kernel's generator (libsodium's `randombytes_buf`).
public enum SecureRandom {
    public static func bytes(_ count: Int) -> [UInt8] {
        if count <= RandomPool.largestDraw { return pool.withLock { $0.draw(count) } }
        Sodium.ensureReady()
        var output = [UInt8](repeating: 0, count: count)
        randombytes_buf(&output, count)
        return output
    }

    /// Every page rendering and answer draws a few random bytes (a submission id, a request id): one `getrandom`
    /// call per 4 KiB instead of one per draw, which showed in the answer page's profile (issue 18). The bytes are
    /// the kernel's own, each handed out once and wiped from the pool as it goes.
    private static let pool = Mutex(RandomPool())

    /// A URL-safe token with `byteCount` bytes of entropy (base64url, no padding).
    public static func token(byteCount: Int = 32) -> String {
        Base64URL.encode(bytes(byteCount))
    }

    /// A uniform integer in 0..<upperBound.
    public static func uniform(_ upperBound: UInt32) -> UInt32 {
        Sodium.ensureReady()
        return randombytes_uniform(upperBound)
    }
}

/// Kernel random bytes fetched in blocks; `draw` hands out the next unused ones.
struct RandomPool {
    static let blockSize = 4096
    static let largestDraw = 64
    private var block = [UInt8](repeating: 0, count: blockSize)
    private var next = blockSize

    mutating func draw(_ count: Int) -> [UInt8] {
        precondition(count >= 0 && count <= Self.largestDraw)
        if next + count > Self.blockSize {
            Sodium.ensureReady()
            block.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
            next = 0
        }
        let range = next..<(next + count)
        let output = Array(block[range])
        for index in range { block[index] = 0 }
        next += count
        return output
    }
}
