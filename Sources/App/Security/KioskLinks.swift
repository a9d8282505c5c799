import HTTP
import Store

/// Kiosk links for the command line and the admin pages.
public enum KioskLinks {
    public static func make(unitCode: String, hours: Int, now: Int64, secret: [UInt8], publicURL: String) -> String {
        make(unitCode: unitCode, expiresAt: now + Int64(hours) * 3600, secret: secret, publicURL: publicURL)
    }

    static func make(unitCode: String, expiresAt: Int64, secret: [UInt8], publicURL: String) -> String {
        let token = KioskToken(unitCode: unitCode, expiresAt: expiresAt).encode(key: secret)
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        return SiteRoute.kioskLink(token: token).url(publicURL: base)
    }

    /// What the kiosk page's POST redirects to: a signed note of the link it issued (who, which unit, until when),
    /// so the page showing it can be reloaded without issuing (and auditing) another. Not the link itself: the
    /// note only shows the link again to the same account, signed in.
    struct Issued: Equatable {
        let userID: Int64
        let unitCode: String
        let hours: Int
        let expiresAt: Int64

        func encode(key: [UInt8]) -> String {
            SignedToken(key: key).sign(["ki1", String(userID), unitCode, String(hours), String(expiresAt)])
        }

        static func decode(_ text: String, key: [UInt8]) -> Issued? {
            guard let fields = SignedToken(key: key).verify(text, fieldCount: 5), fields[0] == "ki1",
                let userID = Int64(fields[1]), let hours = Int(fields[3]), let expiresAt = Int64(fields[4])
            else { return nil }
            return Issued(userID: userID, unitCode: fields[2], hours: hours, expiresAt: expiresAt)
        }
    }
}
