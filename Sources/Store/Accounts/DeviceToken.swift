import Crypto

/// The signed `qcdc_device` cookie a browser gets when it signs in: it names the account and a random device id.
/// A login from that browser for that account is throttled on the device's own failures only ('device:ID'), so
/// someone guessing a commune's predictable username elsewhere does not slow the commune's own office.
package struct DeviceToken: Sendable, Hashable {
    package let userID: Int64
    package let deviceID: String
    package let issuedAt: Int64

    /// A browser unused for this long signs in like a stranger again.
    package static let lifetimeSeconds: Int64 = 400 * 86_400

    package init(userID: Int64, deviceID: String, issuedAt: Int64) {
        self.userID = userID
        self.deviceID = deviceID
        self.issuedAt = issuedAt
    }

    package static func mint(userID: Int64, now: Int64) -> DeviceToken {
        DeviceToken(userID: userID, deviceID: SecureRandom.token(byteCount: 16), issuedAt: now)
    }

    package func encode(key: [UInt8]) -> String {
        SignedToken(key: key).sign(["d1", String(userID), deviceID, String(issuedAt)])
    }

    package static func decode(_ token: String, key: [UInt8]) -> DeviceToken? {
        guard let fields = SignedToken(key: key).verify(token, fieldCount: 4), fields[0] == "d1",
            let userID = Int64(fields[1]), !fields[2].isEmpty, let issuedAt = Int64(fields[3])
        else { return nil }
        return DeviceToken(userID: userID, deviceID: fields[2], issuedAt: issuedAt)
    }

    package func isValid(now: Int64) -> Bool { now >= issuedAt - 300 && now - issuedAt < Self.lifetimeSeconds }

    package var throttleKey: String { "device:" + deviceID }
}
