import Database
import Survey

/// Late-entry openings: a district account lets one commune file the report of one date outside the window.
/// Who may open is the caller's decision (accounts and roles live elsewhere); this store checks the data.
public struct LateEntryStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public static let maxReasonLength = 500
    /// The furthest last day a district may choose, in days after the day it opens.
    public static let maxDays = 30

    /// Opens late entry for `unitID` on `date` (today or an earlier day of the campaign) until `until` (an
    /// exclusive instant; by default the end of the day after today, Vietnam time), and records the audit entry
    /// (`late_entry_open`) in the same transaction.
    @discardableResult
    public func open(
        campaignID: Int64, unitID: Int64, date: LocalDate, reason: String, by user: AuthenticatedUser,
        now: Int64, until: Int64? = nil
    ) throws -> LateEntryOpening {
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
            let end = until ?? LateEntryOpening.end(lastDay: LateEntryOpening.defaultLastDay(openedAt: now))
            let furthest = today.adding(days: Self.maxDays)
            var errors: [String: String] = [:]
            if text.isEmpty { errors["reason"] = "Vui lòng nêu lý do mở nhập muộn." }
            if text.count > Self.maxReasonLength {
                errors["reason"] = "Lý do dài quá \(Self.maxReasonLength) ký tự."
            }
            if end <= now {
                errors["until"] = "Thời hạn nhập muộn phải sau thời điểm hiện tại."
            } else if end > LateEntryOpening.end(lastDay: furthest) {
                errors["until"] = "Hạn nhập muộn dài nhất \(Self.maxDays) ngày, đến hết ngày \(furthest.vietnamese)."
            }
            guard errors.isEmpty else {
                throw ReportSubmissionError(.invalid(errors), message: "Chưa mở được nhập muộn, vui lòng xem lại.")
            }
            try connection.run(
                """
                INSERT INTO late_entry_openings (campaign_id, unit_id, local_date, reason, opened_by, opened_at, until)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [campaignID, unitID, date.iso, text, user.id, now, end])
            let opening = LateEntryOpening(
                id: connection.lastInsertRowID, campaignID: campaignID, unitID: unitID,
                date: date, reason: text, openedBy: user.id, openedAt: now, until: end)
            try ReportAudit(connection: connection, user: user).record(
                .lateEntryOpen, "Mở nhập muộn báo cáo ngày \(date.vietnamese)", campaignID: campaignID,
                unitID: unitID, more: ["đến \(opening.untilText)"], reason: text, at: now)
            return opening
        }
    }

    /// Opens late entry for the unit's report of `date` from the district's own page, not from a campaign: the
    /// opening is recorded under the first open campaign covering the unit on that day (by id; the report itself
    /// is the unit's, counted by all of them). Refused when no open campaign covers the day.
    @discardableResult
    public func open(
        unitID: Int64, date: LocalDate, reason: String, by user: AuthenticatedUser, now: Int64,
        until: Int64? = nil
    ) throws -> LateEntryOpening {
        try connection.transaction {
            guard let campaign = try ReportingCampaign.covering(connection, unitID: unitID, date: date).first else {
                throw ReportSubmissionError.noCampaignOn(date)
            }
            return try open(
                campaignID: campaign.record.id, unitID: unitID, date: date, reason: reason, by: user, now: now,
                until: until)
        }
    }

    /// Ends an opening now (a district that opened by mistake). Returns false when it was already over.
    @discardableResult
    public func close(openingID: Int64, now: Int64) throws -> Bool {
        try connection.run(
            """
            UPDATE late_entry_openings SET until = ? WHERE id = ? AND opened_at < ? AND until > ?
            """, [now, openingID, now, now]) > 0
    }

    /// Ends an opening now for `user` and records the audit entry (`late_entry_close`) in the same transaction.
    /// Returns false, and records nothing, when it was already over.
    @discardableResult
    public func close(openingID: Int64, by user: AuthenticatedUser, now: Int64) throws -> Bool {
        try connection.transaction {
            guard let opening = try opening(id: openingID), try close(openingID: openingID, now: now) else {
                return false
            }
            try ReportAudit(connection: connection, user: user).record(
                .lateEntryClose, "Đóng nhập muộn báo cáo ngày \(opening.date.vietnamese)",
                campaignID: opening.campaignID, unitID: opening.unitID, at: now)
            return true
        }
    }

    /// The most recent opening for that unit and date that is in force at `instant`, whichever campaign it was
    /// opened from: the report of a day belongs to the unit.
    public func activeOpening(unitID: Int64, date: LocalDate, at instant: Int64) throws -> LateEntryOpening? {
        try connection.queryOne(
            """
            \(Self.columns) WHERE unit_id = ? AND local_date = ? AND opened_at <= ? AND until > ?
            ORDER BY opened_at DESC, id DESC LIMIT 1
            """, [unitID, date.iso, instant, instant]
        ).map(Self.opening)
    }

    /// The openings of a unit in force at `instant`, one per date (the latest-ending), by date: what the unit's
    /// report page lists.
    public func activeOpenings(unitID: Int64, at instant: Int64) throws -> [LateEntryOpening] {
        let rows = try connection.query(
            """
            \(Self.columns) WHERE unit_id = ? AND opened_at <= ? AND until > ?
            ORDER BY local_date, until DESC, id DESC
            """, [unitID, instant, instant]
        ).map(Self.opening)
        var seen = Set<LocalDate>()
        return rows.filter { seen.insert($0.date).inserted }
    }

    /// The openings in force at `instant` that `user` may see and close (a district: its communes and its desk;
    /// the province: all), by date then commune code.
    public func inForce(for user: AuthenticatedUser, at instant: Int64) throws -> [LateEntryListing] {
        let scope = CampaignFigures.Scope(user: user)
        var values: [String: any DatabaseValueConvertible] = ["at": instant]
        if let id = scope.id { values["scope"] = id }
        return try connection.query(
            """
            SELECT o.id AS id, o.campaign_id AS campaign_id, o.unit_id AS unit_id, o.local_date AS local_date,
                   o.reason AS reason, o.opened_by AS opened_by, o.opened_at AS opened_at, o.until AS until,
                   u.code AS unit_code, u.name AS unit_name
            FROM late_entry_openings o JOIN units u ON u.id = o.unit_id
            WHERE o.opened_at <= :at AND o.until > :at \(scope.filter("o.unit_id"))
            ORDER BY o.local_date, u.code, o.id
            """, named: values
        ).map { row in
            LateEntryListing(
                opening: try Self.opening(row), unitCode: try row.string("unit_code"),
                unitName: try row.string("unit_name"))
        }
    }

    /// Every opening of a campaign, newest first (the district's log).
    public func openings(campaignID: Int64) throws -> [LateEntryOpening] {
        try connection.query(
            "\(Self.columns) WHERE campaign_id = ? ORDER BY opened_at DESC, id DESC",
            [campaignID]
        ).map(Self.opening)
    }

    /// One opening by id, whichever campaign (callers check it is theirs).
    public func opening(id: Int64) throws -> LateEntryOpening? {
        try connection.queryOne("\(Self.columns) WHERE id = ?", [id]).map(Self.opening)
    }

    package static let columns = """
        SELECT id, campaign_id, unit_id, local_date, reason, opened_by, opened_at, until FROM late_entry_openings
        """

    package static func opening(_ row: Row) throws -> LateEntryOpening {
        let id = try row.int64("id")
        guard let date = LocalDate(iso: try row.string("local_date")),
            let until = try row.optionalInt64("until")
        else {
            throw ReportDataError(description: "Lượt mở nhập muộn số \(id) có ngày hoặc hạn hỏng trong cơ sở dữ liệu.")
        }
        return LateEntryOpening(
            id: id, campaignID: try row.int64("campaign_id"), unitID: try row.int64("unit_id"),
            date: date, reason: try row.string("reason"), openedBy: try row.int64("opened_by"),
            openedAt: try row.int64("opened_at"), until: until)
    }
}
