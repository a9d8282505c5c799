/// Mints the render tokens form pages carry, for tools outside the app: the load test posts one answer per token,
/// so it mints as many as it will send. Each token carries its own fresh submission id. The token format stays
/// private to `RenderToken`.
public enum RenderTokenIssuer {
    /// `count` tokens issued at `issuedAt`. Their submission ids are ordered as if minted a millisecond apart, as
    /// real renderings are, so that answers stored in that order share index pages like real traffic does.
    public static func tokens(
        count: Int, campaignID: Int64, unitID: Int64, issuedAt: Int64, kiosk: Bool = false, secret: [UInt8]
    ) -> [String] {
        (0..<max(0, count)).map { index in
            RenderToken(
                campaignID: campaignID, unitID: unitID, issuedAt: issuedAt, kiosk: kiosk,
                submissionID: TimeOrderedID.submissionID(milliseconds: issuedAt * 1000 + Int64(index))
            ).encode(key: secret)
        }
    }
}
