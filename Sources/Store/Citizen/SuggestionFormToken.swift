/// Proof that the suggestion form was rendered by this server for one unit at a given time. Like `RenderToken`
/// it is reusable: the submission id next to it is what makes one sending unique, so a form sent again is
/// recognised and stores nothing new.
package struct SuggestionFormToken: Sendable, Hashable {
    package let unitID: Int64
    package let issuedAt: Int64

    package init(unitID: Int64, issuedAt: Int64) {
        self.unitID = unitID
        self.issuedAt = issuedAt
    }

    /// An older form is re-rendered with the text kept (and a fresh id) rather than stored.
    package static let maximumAgeSeconds: Int64 = 24 * 3600

    package func encode(key: [UInt8]) -> String {
        SignedToken(key: key).sign(["g1", String(unitID), String(issuedAt)])
    }

    package static func decode(_ token: String, key: [UInt8]) -> SuggestionFormToken? {
        guard let fields = SignedToken(key: key).verify(token, fieldCount: 3), fields[0] == "g1",
            let unitID = Int64(fields[1]), let issuedAt = Int64(fields[2])
        else { return nil }
        return SuggestionFormToken(unitID: unitID, issuedAt: issuedAt)
    }

    /// Older than a day, or from the future (a clock set back): either way, not trusted for a new suggestion.
    package func isExpired(now: Int64) -> Bool {
        now - issuedAt > Self.maximumAgeSeconds || issuedAt - now > 300
    }
}
