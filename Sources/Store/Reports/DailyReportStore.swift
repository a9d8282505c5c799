import Database
import Survey

/// Filing, correcting and reading daily reports. Plain SQL over one connection, like the other stores; `submit`
/// runs as one transaction (a savepoint inside the pool's batch), so a report and its version never part.
public struct DailyReportStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Files or corrects the report of `draft.date` for `user`. Accepted inside the campaign's window for today's
    /// date, or at any time through an active late-entry opening for that unit and date (then marked late). Every
    /// filing adds a version; the earlier ones stay readable through `versions`. The current report carries the
    /// on-time flag of its current version, so a late correction of an on-time report makes the day late. The
    /// audit entry (`daily_report_submit`, with the door: web or API) is written in the same transaction.
    /// Throws `ReportSubmissionError`.
    @discardableResult
    public func submit(_ draft: DailyReportDraft, by user: AuthenticatedUser, now: Int64) throws -> DailyReportReceipt {
        try connection.transaction {
            let campaign = try ReportingCampaign.load(connection, campaignID: draft.campaignID, unitID: draft.unitID)
            try campaign.checkDateInCampaign(draft.date)
            if let problems = draft.problems() {
                throw ReportSubmissionError(
                    .invalid(problems), message: "Báo cáo chưa hợp lệ, vui lòng xem lại các ô được đánh dấu.")
            }
            let today = VietnamTime.localDate(at: now)
            let window = campaign.record.window
            let opening: LateEntryOpening?
            if draft.date == today, window.contains(now) {
                opening = nil
            } else if let active = try LateEntryStore(connection).activeOpening(
                campaignID: draft.campaignID, unitID: draft.unitID, date: draft.date, at: now), draft.date <= today
            {
                opening = active
            } else if draft.date == today {
                throw ReportSubmissionError.outsideWindow(window, now: now)
            } else {
                throw ReportSubmissionError.notToday(draft.date, today: today)
            }
            let receipt = try write(draft, opening: opening, actingUserID: user.id, now: now)
            var more = ["lần \(receipt.version)"]
            if !receipt.onTime { more.append("nhập muộn") }
            try ReportAudit(connection: connection, user: user).record(
                .dailyReportSubmit, "Báo cáo ngày \(draft.date.vietnamese)", campaignID: draft.campaignID,
                unitID: draft.unitID, more: more, at: now)
            return receipt
        }
    }

    private func write(
        _ draft: DailyReportDraft, opening: LateEntryOpening?, actingUserID: Int64,
        now: Int64
    ) throws -> DailyReportReceipt {
        let onTime = opening == nil
        let publicity = PublicityChannel.encode(draft.publicity)
        let difficulties = SearchText.clean(draft.difficulties)
        let proposals = SearchText.clean(draft.proposals)
        // One statement for first filing and correction: the UNIQUE key decides, so two tablets of one team
        // saving at the same second still produce versions 1 and 2, never two reports. `on_time` is the current
        // version's: the unit_totals trigger on UPDATE OF on_time moves the unit's on-time count with it.
        try connection.run(
            """
            INSERT INTO daily_reports (campaign_id, unit_id, local_date, visitors, guided, staff_on_duty, volunteers,
                                       publicity, difficulties, proposals, on_time, version, first_submitted_at,
                                       submitted_at, submitted_by, late_entry_opening_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
            ON CONFLICT (campaign_id, unit_id, local_date) DO UPDATE SET
                visitors = excluded.visitors, guided = excluded.guided, staff_on_duty = excluded.staff_on_duty,
                volunteers = excluded.volunteers, publicity = excluded.publicity,
                difficulties = excluded.difficulties, proposals = excluded.proposals,
                on_time = excluded.on_time, version = daily_reports.version + 1,
                submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by,
                late_entry_opening_id = excluded.late_entry_opening_id
            """,
            [
                draft.campaignID, draft.unitID, draft.date.iso, draft.visitors, draft.guided, draft.staffOnDuty,
                draft.volunteers, publicity, difficulties, proposals, onTime, now, now, actingUserID, opening?.id,
            ])
        guard
            let row = try connection.queryOne(
                "SELECT id, version FROM daily_reports WHERE campaign_id = ? AND unit_id = ? AND local_date = ?",
                [draft.campaignID, draft.unitID, draft.date.iso])
        else {
            throw ReportSubmissionError.campaignNotFound
        }
        let reportID = try row.int64("id")
        let version = try row.int("version")
        try connection.run(
            """
            INSERT INTO daily_report_versions (report_id, version, visitors, guided, staff_on_duty, volunteers,
                                               publicity, difficulties, proposals, on_time, submitted_at,
                                               submitted_by, late_entry_opening_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                reportID, version, draft.visitors, draft.guided, draft.staffOnDuty, draft.volunteers, publicity,
                difficulties, proposals, onTime, now, actingUserID, opening?.id,
            ])
        return DailyReportReceipt(
            reportID: reportID, version: version, onTime: onTime,
            lateEntryOpeningID: opening?.id)
    }

    /// The current report of a unit and day, or nil when none was filed.
    public func report(campaignID: Int64, unitID: Int64, date: LocalDate) throws -> DailyReport? {
        try connection.queryOne(
            """
            SELECT id, campaign_id, unit_id, local_date, visitors, guided, staff_on_duty, volunteers, publicity,
                   difficulties, proposals, on_time, version, submitted_at, submitted_by, late_entry_opening_id
            FROM daily_reports WHERE campaign_id = ? AND unit_id = ? AND local_date = ?
            """, [campaignID, unitID, date.iso]
        ).map(Self.report)
    }

    /// Every version of a report, oldest first.
    public func versions(reportID: Int64) throws -> [DailyReport] {
        try connection.query(
            """
            SELECT r.id AS id, r.campaign_id AS campaign_id, r.unit_id AS unit_id, r.local_date AS local_date,
                   v.visitors AS visitors, v.guided AS guided, v.staff_on_duty AS staff_on_duty,
                   v.volunteers AS volunteers, v.publicity AS publicity, v.difficulties AS difficulties,
                   v.proposals AS proposals, v.on_time AS on_time, v.version AS version,
                   v.submitted_at AS submitted_at, v.submitted_by AS submitted_by,
                   v.late_entry_opening_id AS late_entry_opening_id
            FROM daily_report_versions v JOIN daily_reports r ON r.id = v.report_id
            WHERE v.report_id = ? ORDER BY v.version
            """, [reportID]
        ).map(Self.report)
    }

    /// The current reports of a unit over the campaign, by date.
    public func reports(campaignID: Int64, unitID: Int64) throws -> [DailyReport] {
        try connection.query(
            """
            SELECT id, campaign_id, unit_id, local_date, visitors, guided, staff_on_duty, volunteers, publicity,
                   difficulties, proposals, on_time, version, submitted_at, submitted_by, late_entry_opening_id
            FROM daily_reports WHERE campaign_id = ? AND unit_id = ? ORDER BY local_date
            """, [campaignID, unitID]
        ).map(Self.report)
    }

    package static func report(_ row: Row) throws -> DailyReport {
        let id = try row.int64("id")
        guard let date = LocalDate(iso: try row.string("local_date")) else {
            throw ReportDataError(description: "Báo cáo ngày số \(id) có ngày hỏng trong cơ sở dữ liệu.")
        }
        return DailyReport(
            id: id, campaignID: try row.int64("campaign_id"), unitID: try row.int64("unit_id"), date: date,
            visitors: try row.int("visitors"), guided: try row.int("guided"),
            staffOnDuty: try row.int("staff_on_duty"), volunteers: try row.int("volunteers"),
            publicity: PublicityChannel.decode(try row.string("publicity")),
            difficulties: try row.string("difficulties"), proposals: try row.string("proposals"),
            onTime: try row.bool("on_time"), version: try row.int("version"),
            submittedAt: try row.int64("submitted_at"), submittedBy: try row.optionalInt64("submitted_by"),
            lateEntryOpeningID: try row.optionalInt64("late_entry_opening_id"))
    }
}
