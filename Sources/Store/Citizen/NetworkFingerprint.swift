import Crypto
import Survey
import Synchronization

/// A salted hash of the client's address, kept only to spot stuffing from one network. The salt is random, held
/// in memory only and replaced every local day, so stored hashes cannot be linked across days or reversed by
/// trying every IPv4 address with a known key.
package final class NetworkFingerprint: Sendable {
    private let salt = Mutex<(day: LocalDate?, bytes: [UInt8])>((nil, []))

    package init() {}

    package func hash(address: String?, on day: LocalDate) -> String? {
        guard let address, !address.isEmpty else { return nil }
        let bytes = salt.withLock { current -> [UInt8] in
            if current.day != day { current = (day, SecureRandom.bytes(32)) }
            return current.bytes
        }
        return Hex.encode(HMAC.sign(Array(address.utf8), key: bytes).prefix(12))
    }

    /// The device: the network fingerprint and the User-Agent under the same daily salt, so a person who clears
    /// cookies between answers keeps the same hash that day, and nothing links it to another day. nil without an
    /// address.
    package func deviceHash(address: String?, userAgent: String?, on day: LocalDate) -> String? {
        guard let network = hash(address: address, on: day) else { return nil }
        return hash(address: network + "\u{0}" + (userAgent ?? ""), on: day)
    }
}
