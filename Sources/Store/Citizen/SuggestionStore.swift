import Crypto
import Database
import Survey

public struct NewSuggestion: Sendable, Hashable {
    public var unitID: Int64
    public var topic: String?
    public var text: String
    public var senderName: String?
    public var senderPhone: String?
    public var consent: Bool
    /// The per-rendering id of the web form (`SubmissionID`): the same id again stores nothing new.
    public var submissionID: String?

    public init(
        unitID: Int64, topic: String?, text: String, senderName: String?, senderPhone: String?, consent: Bool,
        submissionID: String? = nil
    ) {
        self.unitID = unitID
        self.topic = topic
        self.text = text
        self.senderName = senderName
        self.senderPhone = senderPhone
        self.consent = consent
        self.submissionID = submissionID
    }
}

public enum SuggestionStatus: String, Sendable, Hashable, CaseIterable {
    case new
    case inProgress = "in_progress"
    case resolved

    public var label: String {
        switch self {
        case .new: "Mới"
        case .inProgress: "Đang xử lý"
        case .resolved: "Đã giải quyết"
        }
    }
}

public struct SuggestionRecord: Sendable, Hashable {
    public let id: Int64
    public let unitID: Int64
    public let year: Int
    public let round: Int
    public let topic: String?
    public let text: String
    public let lookupCode: String
    public let status: SuggestionStatus
    public let reply: String?
    public let createdAt: Int64
}

public struct SuggestionStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Letters and digits that cannot be confused when read aloud or copied by hand (no 0/O, 1/I/L).
    package static let lookupAlphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let lookupCodeLength = 8

    public static func newLookupCode() -> String {
        String(
            (0..<lookupCodeLength).map { _ in lookupAlphabet[Int(SecureRandom.uniform(UInt32(lookupAlphabet.count)))] })
    }

    /// Saves a suggestion in the unit's open round (or the next one; without rounds the calendar quarter) and returns
    /// it with its lookup code; refused between rounds when the unit takes none then. A suggestion whose
    /// submission id was stored before is not stored again: the earlier one is returned (the same receipt).
    public func add(_ suggestion: NewSuggestion, now: Int64) throws -> SuggestionRecord {
        if let submissionID = suggestion.submissionID,
            let earlier = try connection.queryOne("\(Self.columns) WHERE submission_id = ?", [submissionID])
                .map(Self.record)
        {
            // Ids are random and unguessable; one sent for another unit is a forged form, not a resend.
            guard earlier.unitID == suggestion.unitID else {
                throw SuggestionStoreError(
                    kind: .foreignSubmission,
                    description: "Góp ý gửi lên không hợp lệ. Vui lòng mở lại trang góp ý và gửi lại.")
            }
            return earlier
        }
        let day = VietnamTime.localDate(at: now)
        let rounds = try SuggestionRoundStore(connection).rounds(unitID: suggestion.unitID)
        guard rounds.accepts(on: day) else {
            throw SuggestionStoreError(kind: .betweenRounds, description: Self.closedText(rounds, on: day))
        }
        let filing = rounds.filing(on: day)
        let text = SearchText.clean(suggestion.text)
        let topic = suggestion.topic.map(SearchText.clean).flatMap { $0.isEmpty ? nil : $0 }
        let name =
            suggestion.consent ? suggestion.senderName.map(SearchText.clean).flatMap { $0.isEmpty ? nil : $0 } : nil
        let phone =
            suggestion.consent ? suggestion.senderPhone.map(SearchText.clean).flatMap { $0.isEmpty ? nil : $0 } : nil
        // 31^8 codes: a collision is practically impossible, but retrying costs nothing.
        for _ in 0..<5 {
            let code = Self.newLookupCode()
            do {
                try connection.run(
                    """
                    INSERT INTO suggestions (unit_id, year, round, topic, text, sender_name, sender_phone, consent,
                                             lookup_code, created_at, search_text, submission_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        suggestion.unitID, filing.year, filing.round, topic, text, name, phone,
                        suggestion.consent && (name != nil || phone != nil), code, now,
                        SearchText.fold([topic ?? "", text].joined(separator: " ")), suggestion.submissionID,
                    ])
                guard let saved = try find(lookupCode: code) else { break }
                return saved
            } catch let error as SQLiteError where error.isUniqueViolation {
                continue
            }
        }
        throw SuggestionStoreError(kind: .notSaved, description: "Không lưu được góp ý, vui lòng thử lại.")
    }

    /// What the box says when it takes no suggestions between rounds.
    public static func closedText(_ rounds: SuggestionRounds, on day: LocalDate) -> String {
        guard case .between(let round, let opensOn, _) = rounds.status(on: day) else { return "" }
        return
            "Hòm thư góp ý đang nghỉ giữa hai đợt. Đợt \(round) mở từ ngày \(opensOn.vietnamese); mời Anh/Chị gửi góp ý khi đợt mở."
    }

    public func find(lookupCode: String) throws -> SuggestionRecord? {
        try connection.queryOne("\(Self.columns) WHERE lookup_code = ?", [lookupCode.uppercased()]).map(Self.record)
    }

    package static let columns = """
        SELECT id, unit_id, year, round, topic, text, lookup_code, status, reply, created_at FROM suggestions
        """

    package static func record(_ row: Row) throws -> SuggestionRecord {
        SuggestionRecord(
            id: try row.int64("id"), unitID: try row.int64("unit_id"), year: try row.int("year"),
            round: try row.int("round"), topic: try row.optionalString("topic"), text: try row.string("text"),
            lookupCode: try row.string("lookup_code"),
            status: SuggestionStatus(rawValue: try row.string("status")) ?? .new,
            reply: try row.optionalString("reply"), createdAt: try row.int64("created_at"))
    }
}

public struct SuggestionStoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No free lookup code after several tries (practically never).
        case notSaved
        /// A submission id already stored for another unit: a forged form, not a resend.
        case foreignSubmission
        /// The unit's box takes no suggestions between its rounds (`SuggestionRounds`).
        case betweenRounds
    }

    public let kind: Kind
    public let description: String
}
