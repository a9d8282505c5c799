/// A signed, expiring permission for a desk tablet to collect answers for one unit, one person after another
/// (`qcdc kiosk-link --unit CODE --hours 10`).
struct KioskToken: Sendable, Hashable {
    let unitCode: String
    let expiresAt: Int64

    static let maximumHours = 24 * 7

    func encode(key: [UInt8]) -> String {
        SignedToken(key: key).sign(["k1", unitCode, String(expiresAt)])
    }

    static func decode(_ token: String, key: [UInt8]) -> KioskToken? {
        guard let fields = SignedToken(key: key).verify(token, fieldCount: 3), fields[0] == "k1",
              let expiresAt = Int64(fields[2]) else { return nil }
        return KioskToken(unitCode: fields[1], expiresAt: expiresAt)
    }

    func isValid(now: Int64) -> Bool { now < expiresAt }
}
