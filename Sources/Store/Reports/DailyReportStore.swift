import Database
import Survey

/// Filing, correcting and reading daily reports: one per unit and local day (migration 0011). Plain SQL over one connection, like the other stores; `submit`
/// runs as one transaction (a savepoint inside the pool's batch), so a report and its version never part.
public struct DailyReportStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Files or corrects the unit's report of `draft.date` for `user`: one report per unit and day, counted by
    /// every open campaign covering the unit on that day (their `unit_totals` move in the same transaction, by the
    /// triggers of migration 0011). Accepted inside the day's window (`ReportingCampaign.window(of:)`) for today's
    /// date, or at any time through an active late-entry opening for that unit and date (then marked late). When
    /// the draft names a campaign (the API's path, an old bookmark), that campaign must be open and cover the unit
    /// and the day. Every filing adds a version; the earlier ones stay readable through `versions`. The current
    /// report carries the on-time flag of its current version, so a late correction of an on-time report makes the
    /// day late. The audit entry (`daily_report_submit`, with the door: web or API) is written in the same
    /// transaction. Throws `ReportSubmissionError`.
    @discardableResult
    public func submit(_ draft: DailyReportDraft, by user: AuthenticatedUser, now: Int64) throws -> DailyReportReceipt {
        try connection.transaction {
            if let campaignID = draft.campaignID {
                let campaign = try ReportingCampaign.load(connection, campaignID: campaignID, unitID: draft.unitID)
                try campaign.checkDateInCampaign(draft.date)
            }
            let campaigns = try ReportingCampaign.covering(connection, unitID: draft.unitID, date: draft.date)
            guard let window = ReportingCampaign.window(of: campaigns) else {
                throw ReportSubmissionError.noCampaignOn(draft.date)
            }
            if let problems = draft.problems() {
                throw ReportSubmissionError(
                    .invalid(problems), message: "Báo cáo chưa hợp lệ, vui lòng xem lại các ô được đánh dấu.")
            }
            let today = VietnamTime.localDate(at: now)
            let opening: LateEntryOpening?
            if draft.date == today, window.contains(now) {
                opening = nil
            } else if let active = try LateEntryStore(connection).activeOpening(
                unitID: draft.unitID, date: draft.date, at: now), draft.date <= today
            {
                opening = active
            } else if draft.date == today {
                throw ReportSubmissionError.outsideWindow(window, now: now)
            } else {
                throw ReportSubmissionError.notToday(draft.date, today: today)
            }
            var receipt = try write(draft, opening: opening, actingUserID: user.id, now: now)
            receipt.campaignIDs = campaigns.map(\.record.id)
            var more = ["lần \(receipt.version)"]
            if !receipt.onTime { more.append("nhập muộn") }
            try ReportAudit(connection: connection, user: user).record(
                .dailyReportSubmit, "Báo cáo ngày \(draft.date.vietnamese)", campaignIDs: receipt.campaignIDs,
                unitID: draft.unitID, more: more, at: now)
            return receipt
        }
    }

    /// The open campaigns that take the unit's report of `date`, and the window they give it.
    public func day(unitID: Int64, date: LocalDate) throws -> ReportDay {
        let campaigns = try ReportingCampaign.covering(connection, unitID: unitID, date: date)
        return ReportDay(
            unitID: unitID, date: date, campaigns: campaigns.map(\.record),
            window: ReportingCampaign.window(of: campaigns))
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
        // version's: the unit_totals trigger on UPDATE OF on_time moves each covering campaign's on-time count.
        try connection.run(
            """
            INSERT INTO unit_daily_reports (unit_id, local_date, visitors, guided, staff_on_duty, volunteers,
                                            publicity, difficulties, proposals, on_time, version,
                                            first_submitted_at, submitted_at, submitted_by, late_entry_opening_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
            ON CONFLICT (unit_id, local_date) DO UPDATE SET
                visitors = excluded.visitors, guided = excluded.guided, staff_on_duty = excluded.staff_on_duty,
                volunteers = excluded.volunteers, publicity = excluded.publicity,
                difficulties = excluded.difficulties, proposals = excluded.proposals,
                on_time = excluded.on_time, version = unit_daily_reports.version + 1,
                submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by,
                late_entry_opening_id = excluded.late_entry_opening_id
            """,
            [
                draft.unitID, draft.date.iso, draft.visitors, draft.guided, draft.staffOnDuty, draft.volunteers,
                publicity, difficulties, proposals, onTime, now, now, actingUserID, opening?.id,
            ])
        guard
            let row = try connection.queryOne(
                "SELECT id, version FROM unit_daily_reports WHERE unit_id = ? AND local_date = ?",
                [draft.unitID, draft.date.iso])
        else {
            throw ReportSubmissionError.campaignNotFound
        }
        let reportID = try row.int64("id")
        let version = try row.int("version")
        try connection.run(
            """
            INSERT INTO unit_daily_report_versions (report_id, version, visitors, guided, staff_on_duty, volunteers,
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
    public func report(unitID: Int64, date: LocalDate) throws -> DailyReport? {
        try connection.queryOne(
            "\(Self.columns) WHERE unit_id = ? AND local_date = ?", [unitID, date.iso]
        ).map(Self.report)
    }

    /// The unit's report of a day as a campaign sees it: nil when none was filed or the campaign does not cover
    /// that day.
    public func report(campaignID: Int64, unitID: Int64, date: LocalDate) throws -> DailyReport? {
        guard let campaign = try ReportingCampaign.load(connection, campaignID: campaignID),
            date >= campaign.record.schedule.startsOn, date <= campaign.record.schedule.endsOn
        else { return nil }
        return try report(unitID: unitID, date: date)
    }

    /// Every version of a report, oldest first.
    public func versions(reportID: Int64) throws -> [DailyReport] {
        try connection.query(
            """
            SELECT r.id AS id, r.unit_id AS unit_id, r.local_date AS local_date,
                   v.visitors AS visitors, v.guided AS guided, v.staff_on_duty AS staff_on_duty,
                   v.volunteers AS volunteers, v.publicity AS publicity, v.difficulties AS difficulties,
                   v.proposals AS proposals, v.on_time AS on_time, v.version AS version,
                   v.submitted_at AS submitted_at, v.submitted_by AS submitted_by,
                   v.late_entry_opening_id AS late_entry_opening_id, v.campaign_id AS campaign_id
            FROM unit_daily_report_versions v JOIN unit_daily_reports r ON r.id = v.report_id
            WHERE v.report_id = ? ORDER BY v.version
            """, [reportID]
        ).map(Self.report)
    }

    /// The current reports of a unit on the campaign's days, by date.
    public func reports(campaignID: Int64, unitID: Int64) throws -> [DailyReport] {
        guard let campaign = try ReportingCampaign.load(connection, campaignID: campaignID) else { return [] }
        return try connection.query(
            "\(Self.columns) WHERE unit_id = ? AND local_date BETWEEN ? AND ? ORDER BY local_date",
            [unitID, campaign.record.schedule.startsOn.iso, campaign.record.schedule.endsOn.iso]
        ).map(Self.report)
    }

    package static let columns = """
        SELECT id, unit_id, local_date, visitors, guided, staff_on_duty, volunteers, publicity, difficulties,
               proposals, on_time, version, submitted_at, submitted_by, late_entry_opening_id,
               NULL AS campaign_id
        FROM unit_daily_reports
        """

    package static func report(_ row: Row) throws -> DailyReport {
        let id = try row.int64("id")
        guard let date = LocalDate(iso: try row.string("local_date")) else {
            throw ReportDataError(description: "Báo cáo ngày số \(id) có ngày hỏng trong cơ sở dữ liệu.")
        }
        return DailyReport(
            id: id, unitID: try row.int64("unit_id"), date: date,
            visitors: try row.int("visitors"), guided: try row.int("guided"),
            staffOnDuty: try row.int("staff_on_duty"), volunteers: try row.int("volunteers"),
            publicity: PublicityChannel.decode(try row.string("publicity")),
            difficulties: try row.string("difficulties"), proposals: try row.string("proposals"),
            onTime: try row.bool("on_time"), version: try row.int("version"),
            submittedAt: try row.int64("submitted_at"), submittedBy: try row.optionalInt64("submitted_by"),
            lateEntryOpeningID: try row.optionalInt64("late_entry_opening_id"),
            filedUnderCampaignID: try row.optionalInt64("campaign_id"))
    }
}
