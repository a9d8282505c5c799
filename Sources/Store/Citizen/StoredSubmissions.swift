import Database

/// Whether a rendering's submission id is already stored: a resend of a stored answer or suggestion is
/// answered as before, never counted against a limit again (the limit is asked only once it is reached).
extension ResponseStore {
    public func isStored(campaignID: Int64, submissionID: String) throws -> Bool {
        try connection.scalar(
            "SELECT 1 FROM responses WHERE campaign_id = ? AND submission_id = ?", [campaignID, submissionID],
            as: Int.self) != nil
    }
}

extension SuggestionStore {
    public func isStored(submissionID: String) throws -> Bool {
        try connection.scalar("SELECT 1 FROM suggestions WHERE submission_id = ?", [submissionID], as: Int.self)
            != nil
    }
}
