/// Proof that a form was rendered by this server for one campaign and unit at a given time, carrying the
/// submission id the server chose for that rendering. One token stores at most one answer: posting it again (a
/// double tap, a resend after a lost reply) finds the answer it already stored and answers the same thanks page;
/// a script that loads the form once cannot make up fresh ids, because they are signed. A load test mints one
/// token per request (`qcdc render-token --count N`).
package struct RenderToken: Sendable, Hashable {
    package let campaignID: Int64
    package let unitID: Int64
    package let issuedAt: Int64
    package let kiosk: Bool
    /// 22 base64url characters (`SubmissionID.isValid`), time-ordered (`TimeOrderedID`).
    package let submissionID: String

    package init(campaignID: Int64, unitID: Int64, issuedAt: Int64, kiosk: Bool, submissionID: String) {
        self.campaignID = campaignID
        self.unitID = unitID
        self.issuedAt = issuedAt
        self.kiosk = kiosk
        self.submissionID = submissionID
    }

    /// Less than this between rendering and submitting is faster than any person reads the questions.
    package static let minimumFillSeconds: Int64 = 4
    /// An older form is refused kindly (re-rendered with the answers kept) rather than stored.
    package static let maximumAgeSeconds: Int64 = 24 * 3600

    package func encode(key: [UInt8]) -> String {
        SignedToken(key: key).sign([
            "r2", String(campaignID), String(unitID), String(issuedAt), kiosk ? "k" : "p", submissionID,
        ])
    }

    package enum Decoded: Equatable {
        case current(RenderToken)
        /// Signed by this server before tokens carried their submission id ("r1"): a form opened before an
        /// upgrade. Its answers are shown again under a current token rather than refused.
        case earlierFormat
    }

    package static func decode(_ token: String, key: [UInt8]) -> Decoded? {
        guard let fields = SignedToken(key: key).verify(token, fieldCount: 6) else {
            return SignedToken(key: key).verify(token, fieldCount: 5)?.first == "r1" ? .earlierFormat : nil
        }
        guard fields[0] == "r2", let campaignID = Int64(fields[1]), let unitID = Int64(fields[2]),
            let issuedAt = Int64(fields[3]), fields[4] == "k" || fields[4] == "p", SubmissionID.isValid(fields[5])
        else { return nil }
        return .current(
            RenderToken(
                campaignID: campaignID, unitID: unitID, issuedAt: issuedAt, kiosk: fields[4] == "k",
                submissionID: fields[5]))
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
