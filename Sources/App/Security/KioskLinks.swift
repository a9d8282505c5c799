import HTTP
import Store

/// Kiosk links for the command line now and the admin pages later.
public enum KioskLinks {
    public static func make(unitCode: String, hours: Int, now: Int64, secret: [UInt8], publicURL: String) -> String {
        let token = KioskToken(unitCode: unitCode, expiresAt: now + Int64(hours) * 3600).encode(key: secret)
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        return SiteRoute.kioskLink(token: token).url(publicURL: base)
    }
}
