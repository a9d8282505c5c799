import Database
import Survey

public enum ResponseChannel: String, Sendable, Hashable {
    case phone, kiosk
}

/// One validated submission, ready to store. Nothing here identifies the person.
public struct Submission: Sendable, Hashable {
    public var campaignID: Int64
    public var unitID: Int64
    public var submissionID: String
    public var submittedAt: Int64
    public var channel: ResponseChannel
    public var fillSeconds: Int
    public var networkHash: String?
    public var answers: ValidatedAnswers
    /// What is kept of the browser's "already answered" token, if it got one (kiosks do not).
    public var respondent: RespondentMark?
    /// A keyed hash of the network fingerprint and the User-Agent (same daily salt as `networkHash`), for the
    /// repeat-device flag; nil when unknown.
    public var deviceHash: String?
    /// Whether the browser carried an "already answered" cookie minted before this answer (the repeat-device flag
    /// counts answers without one).
    public var hadCookie: Bool { respondent.map { !$0.isNew } ?? false }

    public init(
        campaignID: Int64, unitID: Int64, submissionID: String, submittedAt: Int64, channel: ResponseChannel,
        fillSeconds: Int, networkHash: String?, answers: ValidatedAnswers, respondent: RespondentMark?,
        deviceHash: String? = nil
    ) {
        self.campaignID = campaignID
        self.unitID = unitID
        self.submissionID = submissionID
        self.submittedAt = submittedAt
        self.channel = channel
        self.fillSeconds = fillSeconds
        self.networkHash = networkHash
        self.answers = answers
        self.respondent = respondent
        self.deviceHash = deviceHash
    }
}

/// What the database keeps of a browser's "already answered" token: never the token itself.
public struct RespondentMark: Sendable, Hashable {
    /// The key stored in `respondent_marks`.
    public var key: String
    /// Keys earlier versions stored for the same token: looked up, never written.
    public var earlierKeys: [String]
    /// The token was minted for this submission, so it cannot have answered before and needs no lookup.
    public var isNew: Bool

    public init(key: String, earlierKeys: [String] = [], isNew: Bool) {
        self.key = key
        self.earlierKeys = earlierKeys
        self.isNew = isNew
    }
}

public struct ResponseStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public enum Outcome: Sendable, Hashable {
        case stored(responseID: Int64)
        /// The same rendering was submitted before (a double tap, a resend): nothing new is stored.
        case duplicate(responseID: Int64)
        /// This browser already answered the campaign with another rendering.
        case alreadyAnswered
    }

    /// Stores a submission and its counters, or finds the earlier copy. Runs inside the caller's transaction
    /// (the pool's group commit), as one savepoint, so counters never drift from rows. Inside a pool write the
    /// counters are summed over the batch (`Connection.addToCounter`): a batch of answers for one commune
    /// updates each of its counter rows once.
    public func store(_ submission: Submission) throws -> Outcome {
        // A returning browser is checked before anything is written. A resend of the same rendering must still
        // count as the duplicate it is, not as "already answered", so that check comes first.
        if let mark = submission.respondent, !mark.isNew {
            if let existing = try existingResponseID(submission) { return .duplicate(responseID: existing) }
            if try hasAnswered(campaignID: submission.campaignID, mark: mark) { return .alreadyAnswered }
        }
        return try connection.transaction {
            let localDate = VietnamTime.localDate(at: submission.submittedAt).iso
            // Most submissions are new: the unique (campaign_id, submission_id) key finds a resend without a
            // lookup before every insert.
            let inserted = try connection.run(
                """
                INSERT INTO responses (campaign_id, unit_id, submission_id, submitted_at, local_date, channel,
                                       fill_seconds, network_hash, choices, device_hash, had_cookie)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign_id, submission_id) DO NOTHING
                """,
                [
                    submission.campaignID, submission.unitID, submission.submissionID, submission.submittedAt,
                    localDate,
                    submission.channel.rawValue, submission.fillSeconds, submission.networkHash,
                    submission.answers.choices.map(String.init).joined(separator: ","),
                    submission.deviceHash, submission.hadCookie ? 1 : 0,
                ])
            if inserted == 0 {
                // DO NOTHING skips only a conflict on that key, so the earlier row is there to find.
                guard let existing = try existingResponseID(submission) else {
                    throw MissingEarlierResponse(submissionID: submission.submissionID)
                }
                return .duplicate(responseID: existing)
            }
            let responseID = connection.lastInsertRowID
            for text in submission.answers.texts {
                try connection.run(
                    "INSERT INTO response_texts (response_id, question_id, text) VALUES (?, ?, ?)",
                    [responseID, text.questionID, text.text])
            }
            let campaign = DatabaseValue.integer(submission.campaignID)
            let unit = DatabaseValue.integer(submission.unitID)
            try connection.addToCounter(Self.addToDailyCount, key: [campaign, unit, .text(localDate)])
            for optionID in submission.answers.choices {
                try connection.addToCounter(Self.addToOptionCount, key: [campaign, unit, .integer(optionID)])
            }
            for questionID in submission.answers.multipleChoiceQuestionIDs {
                try connection.addToCounter(Self.addToQuestionCount, key: [campaign, unit, .integer(questionID)])
            }
            if let mark = submission.respondent {
                try connection.run(
                    """
                    INSERT INTO respondent_marks (campaign_id, token_hash, created_at) VALUES (?, ?, ?)
                    """, [submission.campaignID, mark.key, submission.submittedAt])
            }
            return .stored(responseID: responseID)
        }
    }

    package static let addToDailyCount = CounterUpsert(
        """
        INSERT INTO daily_answer_counts (campaign_id, unit_id, local_date, answers) VALUES (?, ?, ?, ?)
        ON CONFLICT (campaign_id, unit_id, local_date) DO UPDATE SET answers = answers + excluded.answers
        """)
    package static let addToOptionCount = CounterUpsert(
        """
        INSERT INTO option_counts (campaign_id, unit_id, option_id, answers) VALUES (?, ?, ?, ?)
        ON CONFLICT (campaign_id, unit_id, option_id) DO UPDATE SET answers = answers + excluded.answers
        """)

    package static let addToQuestionCount = CounterUpsert(
        """
        INSERT INTO question_answer_counts (campaign_id, unit_id, question_id, answers) VALUES (?, ?, ?, ?)
        ON CONFLICT (campaign_id, unit_id, question_id) DO UPDATE SET answers = answers + excluded.answers
        """)

    /// A resend was refused by the unique key, yet no earlier row carries its submission id.
    package struct MissingEarlierResponse: Error, CustomStringConvertible {
        package let submissionID: String
        package var description: String {
            "the answer with submission id \(submissionID) was refused as a resend, but no earlier answer has that id"
        }
    }

    private func existingResponseID(_ submission: Submission) throws -> Int64? {
        try connection.scalar(
            "SELECT id FROM responses WHERE campaign_id = ? AND submission_id = ?",
            [submission.campaignID, submission.submissionID])
    }

    public func hasAnswered(campaignID: Int64, mark: RespondentMark) throws -> Bool {
        for key in [mark.key] + mark.earlierKeys
        where try connection.scalar(
            "SELECT 1 FROM respondent_marks WHERE campaign_id = ? AND token_hash = ?",
            [campaignID, key], as: Int.self) != nil
        {
            return true
        }
        return false
    }

    public func count(campaignID: Int64, unitID: Int64? = nil) throws -> Int {
        if let unitID {
            return try connection.scalar(
                "SELECT coalesce(sum(answers), 0) FROM daily_answer_counts WHERE campaign_id = ? AND unit_id = ?",
                [campaignID, unitID]) ?? 0
        }
        return try connection.scalar(
            "SELECT coalesce(sum(answers), 0) FROM daily_answer_counts WHERE campaign_id = ?", [campaignID]) ?? 0
    }

    /// Option id → times chosen, for satisfaction.
    public func optionCounts(campaignID: Int64, unitID: Int64? = nil) throws -> [Int64: Int] {
        let rows =
            if let unitID {
                try connection.query(
                    "SELECT option_id, answers FROM option_counts WHERE campaign_id = ? AND unit_id = ?",
                    [campaignID, unitID])
            } else {
                try connection.query(
                    "SELECT option_id, sum(answers) AS answers FROM option_counts WHERE campaign_id = ? GROUP BY option_id",
                    [campaignID])
            }
        var counts: [Int64: Int] = [:]
        for row in rows { counts[try row.int64("option_id")] = try row.int("answers") }
        return counts
    }
}
