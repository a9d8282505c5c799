/// Proof that a form was rendered by this server for one campaign and unit at a given time. It is reusable: what
/// makes a submission unique is the submission id next to it, so a resent POST is recognised, and a load test
/// can reuse one token with fresh submission ids without weakening anything a real browser relies on.
package struct RenderToken: Sendable, Hashable {
    package let campaignID: Int64
    package let unitID: Int64
    package let issuedAt: Int64
    package let kiosk: Bool

    package init(campaignID: Int64, unitID: Int64, issuedAt: Int64, kiosk: Bool) {
        self.campaignID = campaignID
        self.unitID = unitID
        self.issuedAt = issuedAt
        self.kiosk = kiosk
    }

    /// Less than this between rendering and submitting is faster than any person reads the questions.
    package static let minimumFillSeconds: Int64 = 4
    /// An older form is refused kindly (re-rendered with the answers kept) rather than stored.
    package static let maximumAgeSeconds: Int64 = 24 * 3600

    package func encode(key: [UInt8]) -> String {
        SignedToken(key: key).sign(["r1", String(campaignID), String(unitID), String(issuedAt), kiosk ? "k" : "p"])
    }

    package static func decode(_ token: String, key: [UInt8]) -> RenderToken? {
        guard let fields = SignedToken(key: key).verify(token, fieldCount: 5), fields[0] == "r1",
            let campaignID = Int64(fields[1]), let unitID = Int64(fields[2]), let issuedAt = Int64(fields[3]),
            fields[4] == "k" || fields[4] == "p"
        else { return nil }
        return RenderToken(campaignID: campaignID, unitID: unitID, issuedAt: issuedAt, kiosk: fields[4] == "k")
    }

    package enum Freshness: Equatable {
        case fresh(fillSeconds: Int)
        case tooFast
        case expired
    }

    package func freshness(now: Int64) -> Freshness {
        let age = now - issuedAt
        if age < Self.minimumFillSeconds { return .tooFast }
        if age > Self.maximumAgeSeconds { return .expired }
        return .fresh(fillSeconds: Int(age))
    }
}

/// A submission id: 16 random bytes in base64url, unique to one rendering of a form.
package enum SubmissionID {
    package static func isValid(_ text: String) -> Bool {
        text.utf8.count == 22
            && text.utf8.allSatisfy { byte in
                (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45
                    || byte == 95
            }
    }
}
