import Crypto
import Survey
import Synchronization

/// Keyed hashes of the client's NETWORK (IPv4 /32, IPv6 /64: the caller groups the address, see
/// `IPAddress.network` in Web), so one phone rotating IPv6 privacy addresses is one network and no address is
/// ever kept in clear.
///
/// - `hash(network:on:)` is stored with answers, to spot stuffing from one network. Its salt is random, held
///   in memory only and replaced every local day, so stored hashes cannot be linked across days or reversed by
///   trying every IPv4 address with a known key.
/// - `limitKey(network:)` names a network in the in-memory limit counters; its key lives as long as the
///   process, so a sliding hour does not restart at midnight.
package final class NetworkFingerprint: Sendable {
    private let salt = Mutex<(day: LocalDate?, bytes: [UInt8])>((nil, []))
    private let processKey = SecureRandom.bytes(32)

    package init() {}

    package func hash(network: [UInt8]?, on day: LocalDate) -> String? {
        guard let network, !network.isEmpty else { return nil }
        let bytes = salt.withLock { current -> [UInt8] in
            if current.day != day { current = (day, SecureRandom.bytes(32)) }
            return current.bytes
        }
        return Hex.encode(HMAC.sign(network, key: bytes).prefix(12))
    }

    /// Requests without an address (a test, a Unix socket) share one key: they are limited together.
    package func limitKey(network: [UInt8]?) -> String {
        Hex.encode(HMAC.sign(network ?? [], key: processKey).prefix(12))
    }

    /// The device: the network fingerprint and the User-Agent under the same daily salt, so a person who clears
    /// cookies between answers keeps the same hash that day, and nothing links it to another day. nil without an
    /// address.
    package func deviceHash(network: [UInt8]?, userAgent: String?, on day: LocalDate) -> String? {
        guard let network, !network.isEmpty else { return nil }
        return hash(network: network + [0] + Array((userAgent ?? "").utf8), on: day)
    }
}
