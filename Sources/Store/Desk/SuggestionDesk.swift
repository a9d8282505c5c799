import Database
import Survey

/// The suggestion desk of a commune or district: list by round and status, reply, move a suggestion along, and
/// the weekly summary per commune. Who may act on which box is the caller's decision.
public struct SuggestionDesk {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public static let maxReplyLength = 2000

    /// A unit's suggestions of one round, newest first, optionally of one status.
    public func list(unitID: Int64, year: Int, round: Int, status: SuggestionStatus? = nil) throws
        -> [SuggestionDeskItem]
    {
        if let status {
            return try connection.query(
                "\(Self.columns) WHERE unit_id = ? AND year = ? AND round = ? AND status = ? ORDER BY created_at DESC, id DESC",
                [unitID, year, round, status.rawValue]
            ).map(Self.item)
        }
        return try connection.query(
            "\(Self.columns) WHERE unit_id = ? AND year = ? AND round = ? ORDER BY created_at DESC, id DESC",
            [unitID, year, round]
        ).map(Self.item)
    }

    public func item(id: Int64) throws -> SuggestionDeskItem? {
        try connection.queryOne("\(Self.columns) WHERE id = ?", [id]).map(Self.item)
    }

    /// A unit's suggestions whose topic or text matches, ignoring diacritics and case.
    public func search(unitID: Int64, text: String, limit: Int = 50) throws -> [SuggestionDeskItem] {
        let folded = SearchText.fold(text)
        guard !folded.isEmpty else { return [] }
        return try connection.query(
            "\(Self.columns) WHERE unit_id = ? AND search_text LIKE ? ESCAPE '\\' ORDER BY created_at DESC, id DESC LIMIT ?",
            [unitID, LikePattern.containing(folded), limit]
        ).map(Self.item)
    }

    /// Stores (or replaces) the reply the sender reads with their lookup code. A new suggestion moves to
    /// "in progress": someone is on it.
    @discardableResult
    public func reply(suggestionID: Int64, text: String, repliedBy userID: Int64, now: Int64) throws
        -> SuggestionDeskItem
    {
        let reply = SearchText.clean(text)
        if reply.isEmpty {
            throw SuggestionDeskError(
                kind: .invalid(["reply": "Vui lòng nhập nội dung trả lời."]),
                message: "Chưa có nội dung trả lời.")
        }
        if reply.count > Self.maxReplyLength {
            throw SuggestionDeskError(
                kind: .invalid(["reply": "Nội dung trả lời dài quá \(Self.maxReplyLength) ký tự."]),
                message: "Nội dung trả lời quá dài.")
        }
        return try connection.transaction {
            guard
                try connection.run(
                    """
                    UPDATE suggestions SET reply = ?, replied_at = ?, replied_by = ?,
                           status = CASE status WHEN 'new' THEN 'in_progress' ELSE status END
                    WHERE id = ?
                    """, [reply, now, userID, suggestionID]) > 0, let item = try item(id: suggestionID)
            else {
                throw Self.notFound
            }
            return item
        }
    }

    /// Moves a suggestion forward (new → in progress → resolved; skipping a step is allowed). Setting the status
    /// it already has changes nothing; going back is refused.
    @discardableResult
    public func setStatus(_ status: SuggestionStatus, suggestionID: Int64, now: Int64) throws -> SuggestionDeskItem {
        try connection.transaction {
            guard let current = try item(id: suggestionID) else { throw Self.notFound }
            if current.status == status { return current }
            guard Self.rank(status) > Self.rank(current.status) else {
                throw SuggestionDeskError(
                    kind: .invalidTransition(from: current.status, to: status),
                    message: "Không thể chuyển góp ý từ “\(current.status.label)” về “\(status.label)”.")
            }
            try connection.run(
                "UPDATE suggestions SET status = ?, resolved_at = ? WHERE id = ?",
                [status.rawValue, status == .resolved ? now : nil, suggestionID])
            guard let updated = try item(id: suggestionID) else { throw Self.notFound }
            return updated
        }
    }

    /// Per unit that has a suggestion box in a set (or in one district): every commune and every district's own
    /// desk (a suggestion sent to a district's one-stop desk is stored under the district unit itself). Received,
    /// resolved and waiting in the week that starts on `weekStart` (7 local days); each district's desk first,
    /// then its communes, districts by code.
    public func weeklySummary(
        unitSetID: Int64, districtID: Int64? = nil, unitID: Int64? = nil, weekStart: LocalDate
    ) throws -> [SuggestionWeek] {
        let start = VietnamTime.startOfDay(weekStart)
        let end = VietnamTime.startOfDay(weekStart.adding(days: 7))
        let scope = Self.weekScope(unitID: unitID, districtID: districtID)
        return try connection.query(
            """
            SELECT u.id AS unit_id, u.code AS code, u.name AS name, u.level AS level,
                   CASE WHEN u.level = 'district' THEN u.code WHEN p.level = 'district' THEN p.code END AS district_code,
                   CASE WHEN u.level = 'district' THEN u.code ELSE coalesce(p.code, '') END AS group_code,
                   coalesce(sum(s.created_at >= :start), 0) AS received,
                   coalesce(sum(s.resolved_at >= :start AND s.resolved_at < :end), 0) AS resolved,
                   coalesce(sum(s.replied_at >= :start AND s.replied_at < :end), 0) AS answered,
                   coalesce(sum(s.id IS NOT NULL AND (s.resolved_at IS NULL OR s.resolved_at >= :end)), 0) AS waiting,
                   coalesce(sum(s.id IS NOT NULL AND (s.resolved_at IS NULL OR s.resolved_at >= :end)
                                AND (s.replied_at IS NULL OR s.replied_at >= :end) AND s.created_at < :overdue), 0)
                       AS overdue
            FROM units u
            LEFT JOIN units p ON p.id = u.parent_id
            LEFT JOIN suggestions s ON s.unit_id = u.id AND s.created_at < :end
            WHERE \(scope) AND u.level IN ('commune', 'district')
            GROUP BY u.id
            ORDER BY group_code, u.level = 'commune', u.code
            """,
            named: [
                "scope": unitID ?? districtID ?? unitSetID, "start": start, "end": end,
                "overdue": end - Int64(SuggestionWeek.answerWithinDays) * 86_400,
            ]
        ).map { row in
            SuggestionWeek(
                unitID: try row.int64("unit_id"), code: try row.string("code"), name: try row.string("name"),
                level: try row.string("level"), districtCode: try row.optionalString("district_code"),
                groupCode: try row.string("group_code"), received: try row.int("received"),
                resolved: try row.int("resolved"),
                answered: try row.int("answered"), waiting: try row.int("waiting"), overdue: try row.int("overdue"))
        }
    }

    /// One unit (a commune's own box), a district's desk and communes, or the whole unit set; bound as :scope.
    static func weekScope(unitID: Int64?, districtID: Int64?) -> String {
        unitID != nil
            ? "u.id = :scope" : districtID == nil ? "u.unit_set_id = :scope" : "(u.parent_id = :scope OR u.id = :scope)"
    }

    /// The week's suggestions over the same units as `weeklySummary`, counted by the desk's classification, most
    /// frequent first (unclassified last).
    public func weeklyTopics(
        unitSetID: Int64, districtID: Int64? = nil, unitID: Int64? = nil, weekStart: LocalDate
    ) throws -> [SuggestionTopicCount] {
        let scope = Self.weekScope(unitID: unitID, districtID: districtID)
        let rows = try connection.query(
            """
            SELECT s.category AS category, count(*) AS received
            FROM suggestions s JOIN units u ON u.id = s.unit_id
            WHERE \(scope) AND s.created_at >= :start AND s.created_at < :end
            GROUP BY s.category
            """,
            named: [
                "scope": unitID ?? districtID ?? unitSetID, "start": VietnamTime.startOfDay(weekStart),
                "end": VietnamTime.startOfDay(weekStart.adding(days: 7)),
            ])
        let counts = try rows.map { row in
            (category: try row.optionalString("category"), received: try row.int("received"))
        }
        return counts.sorted { lhs, rhs in
            if (lhs.category == nil) != (rhs.category == nil) { return rhs.category == nil }
            // Ties by the stored value's UTF-8 bytes: the order the API's cursor compares.
            return lhs.received != rhs.received
                ? lhs.received > rhs.received
                : (lhs.category ?? "").utf8.lexicographicallyPrecedes((rhs.category ?? "").utf8)
        }.map {
            SuggestionTopicCount(
                category: $0.category, label: SuggestionCategory.label($0.category) ?? "Chưa phân loại",
                received: $0.received)
        }
    }

    package static let notFound = SuggestionDeskError(kind: .notFound, message: "Không tìm thấy góp ý này.")

    package static func rank(_ status: SuggestionStatus) -> Int {
        switch status {
        case .new: 0
        case .inProgress: 1
        case .resolved: 2
        }
    }

    package static let columns = """
        SELECT id, unit_id, year, round, topic, text, sender_name, sender_phone, lookup_code, status, reply,
               replied_at, replied_by, resolved_at, created_at
        FROM suggestions
        """

    package static func item(_ row: Row) throws -> SuggestionDeskItem {
        let id = try row.int64("id")
        guard let status = SuggestionStatus(rawValue: try row.string("status")) else {
            throw ReportDataError(description: "Góp ý số \(id) có trạng thái không xác định.")
        }
        return SuggestionDeskItem(
            id: id, unitID: try row.int64("unit_id"), year: try row.int("year"), round: try row.int("round"),
            topic: try row.optionalString("topic"), text: try row.string("text"),
            senderName: try row.optionalString("sender_name"), senderPhone: try row.optionalString("sender_phone"),
            lookupCode: try row.string("lookup_code"), status: status, reply: try row.optionalString("reply"),
            repliedAt: try row.optionalInt64("replied_at"), repliedBy: try row.optionalInt64("replied_by"),
            resolvedAt: try row.optionalInt64("resolved_at"), createdAt: try row.int64("created_at"))
    }
}
