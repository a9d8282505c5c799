/// A signed, expiring permission for a desk tablet to collect answers for one unit, one person after another
/// (`qcdc kiosk-link --unit CODE --hours 10`).
package struct KioskToken: Sendable, Hashable {
    package let unitCode: String
    package let expiresAt: Int64

    package init(unitCode: String, expiresAt: Int64) {
        self.unitCode = unitCode
        self.expiresAt = expiresAt
    }

    package static let maximumHours = 24 * 7

    package func encode(key: [UInt8]) -> String {
        SignedToken(key: key).sign(["k1", unitCode, String(expiresAt)])
    }

    package static func decode(_ token: String, key: [UInt8]) -> KioskToken? {
        guard let fields = SignedToken(key: key).verify(token, fieldCount: 3), fields[0] == "k1",
            let expiresAt = Int64(fields[2])
        else { return nil }
        return KioskToken(unitCode: fields[1], expiresAt: expiresAt)
    }

    package func isValid(now: Int64) -> Bool { now < expiresAt }
}
