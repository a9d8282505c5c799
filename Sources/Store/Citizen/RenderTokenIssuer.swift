/// Mints the render token a form page carries, for tools outside the app (the load test posts many answers
/// with one token and fresh submission ids). The token format stays private to `RenderToken`.
public enum RenderTokenIssuer {
    public static func token(
        campaignID: Int64, unitID: Int64, issuedAt: Int64, kiosk: Bool = false,
        secret: [UInt8]
    ) -> String {
        RenderToken(campaignID: campaignID, unitID: unitID, issuedAt: issuedAt, kiosk: kiosk).encode(key: secret)
    }
}
