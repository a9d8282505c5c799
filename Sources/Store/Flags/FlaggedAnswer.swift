/// One flagged answer as a reviewer sees it: when, how fast, why, and where it stands. No network or device hash
/// and no answer text: nothing that points at a person.
package struct FlaggedAnswer: Sendable, Hashable {
    package let id: Int64
    package let submittedAt: Int64
    package let fillSeconds: Int
    package let reasons: [FlagReason]
    /// reason → its explanation.
    package let details: [FlagReason: String]
    package let state: FlagReviewState
}

/// Flagged answers of some units: open and confirmed (cleared ones are no longer flagged), and the open reasons.
package struct FlagCounts: Sendable, Hashable {
    package var flagged = 0
    package var confirmed = 0
    /// Flagged answers not yet reviewed: counted in every figure until a province user confirms them.
    package var open: Int { flagged - confirmed }

    package init(flagged: Int = 0, confirmed: Int = 0) {
        self.flagged = flagged
        self.confirmed = confirmed
    }
}
