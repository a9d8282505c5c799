/// Proof that the suggestion form was rendered by this server for one unit at a given time, carrying the
/// submission id the server chose for that rendering: like `RenderToken`, one token stores at most one suggestion,
/// and the same form sent again finds it and leads to the same receipt.
package struct SuggestionFormToken: Sendable, Hashable {
    package let unitID: Int64
    package let issuedAt: Int64
    package let submissionID: String

    package init(unitID: Int64, issuedAt: Int64, submissionID: String) {
        self.unitID = unitID
        self.issuedAt = issuedAt
        self.submissionID = submissionID
    }

    /// An older form is re-rendered with the text kept (and a fresh id) rather than stored.
    package static let maximumAgeSeconds: Int64 = 24 * 3600
    /// Faster than this from rendering to sending is a script: a person who pastes a prepared text still needs a
    /// few seconds to open the page, paste and press the button.
    package static let minimumFillSeconds: Int64 = 3

    package func encode(key: [UInt8]) -> String {
        SignedToken(key: key).sign(["g2", String(unitID), String(issuedAt), submissionID])
    }

    package static func decode(_ token: String, key: [UInt8]) -> SuggestionFormToken? {
        guard let fields = SignedToken(key: key).verify(token, fieldCount: 4), fields[0] == "g2",
            let unitID = Int64(fields[1]), let issuedAt = Int64(fields[2]), SubmissionID.isValid(fields[3])
        else { return nil }
        return SuggestionFormToken(unitID: unitID, issuedAt: issuedAt, submissionID: fields[3])
    }

    /// Older than a day, or from the future (a clock set back): either way, not trusted for a new suggestion.
    package func isExpired(now: Int64) -> Bool {
        now - issuedAt > Self.maximumAgeSeconds || issuedAt - now > 300
    }

    package func isTooFast(now: Int64) -> Bool {
        (0..<Self.minimumFillSeconds).contains(now - issuedAt)
    }
}
