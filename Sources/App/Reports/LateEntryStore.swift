import Database
import Survey

/// Late-entry openings: a district account lets one commune file the report of one date outside the window.
/// Who may open is the caller's decision (accounts and roles live elsewhere); this store checks the data.
public struct LateEntryStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public static let maxReasonLength = 500

    /// Opens late entry for `unitID` on `date` (today or an earlier day of the campaign), until `until` if given.
    @discardableResult
    public func open(campaignID: Int64, unitID: Int64, date: LocalDate, reason: String, openedBy userID: Int64,
                     now: Int64, until: Int64? = nil) throws -> LateEntryOpening {
        try connection.transaction {
            let campaign = try ReportingCampaign.load(connection, campaignID: campaignID, unitID: unitID)
            try campaign.checkDateInCampaign(date)
            let today = VietnamTime.localDate(at: now)
            guard date <= today else {
                throw ReportSubmissionError(
                    .notToday(date: date, today: today),
                    message: "Chỉ mở nhập muộn cho ngày hôm nay hoặc ngày đã qua; ngày \(date.vietnamese) chưa đến.")
            }
            let text = SearchText.clean(reason)
            var errors: [String: String] = [:]
            if text.isEmpty { errors["reason"] = "Vui lòng nêu lý do mở nhập muộn." }
            if text.count > Self.maxReasonLength { errors["reason"] = "Lý do dài quá \(Self.maxReasonLength) ký tự." }
            if let until, until <= now { errors["until"] = "Thời hạn nhập muộn phải sau thời điểm hiện tại." }
            guard errors.isEmpty else {
                throw ReportSubmissionError(.invalid(errors), message: "Chưa mở được nhập muộn, vui lòng xem lại.")
            }
            try connection.run("""
                INSERT INTO late_entry_openings (campaign_id, unit_id, local_date, reason, opened_by, opened_at, until)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [campaignID, unitID, date.iso, text, userID, now, until])
            return LateEntryOpening(id: connection.lastInsertRowID, campaignID: campaignID, unitID: unitID,
                                    date: date, reason: text, openedBy: userID, openedAt: now, until: until)
        }
    }

    /// Ends an opening now (a district that opened by mistake). Returns false when it was already over.
    @discardableResult
    public func close(openingID: Int64, now: Int64) throws -> Bool {
        try connection.run("""
            UPDATE late_entry_openings SET until = ? WHERE id = ? AND opened_at < ? AND (until IS NULL OR until > ?)
            """, [now, openingID, now, now]) > 0
    }

    /// The most recent opening for that unit and date that is in force at `instant`.
    public func activeOpening(campaignID: Int64, unitID: Int64, date: LocalDate, at instant: Int64) throws -> LateEntryOpening? {
        try connection.queryOne("""
            \(Self.columns) WHERE campaign_id = ? AND unit_id = ? AND local_date = ?
              AND opened_at <= ? AND (until IS NULL OR until > ?)
            ORDER BY opened_at DESC, id DESC LIMIT 1
            """, [campaignID, unitID, date.iso, instant, instant]).map(Self.opening)
    }

    /// Every opening of a campaign, newest first (the district's log).
    public func openings(campaignID: Int64) throws -> [LateEntryOpening] {
        try connection.query("\(Self.columns) WHERE campaign_id = ? ORDER BY opened_at DESC, id DESC",
                             [campaignID]).map(Self.opening)
    }

    static let columns = """
        SELECT id, campaign_id, unit_id, local_date, reason, opened_by, opened_at, until FROM late_entry_openings
        """

    static func opening(_ row: Row) throws -> LateEntryOpening {
        let id = try row.int64(0)
        guard let date = LocalDate(iso: try row.string(3)) else {
            throw ReportDataError(description: "Lượt mở nhập muộn số \(id) có ngày hỏng trong cơ sở dữ liệu.")
        }
        return LateEntryOpening(id: id, campaignID: try row.int64(1), unitID: try row.int64(2), date: date,
                                reason: try row.string(4), openedBy: try row.int64(5), openedAt: try row.int64(6),
                                until: try row.optionalInt64(7))
    }
}
