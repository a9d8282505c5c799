import Database
import Survey

/// PKS01 headcounts: the number of officials and staff of a commune's agencies, entered once per campaign. It is
/// the V of that campaign's quota rule (the people who could answer), where other forms use daily visitors.
public struct HeadcountStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public static let field = "headcount"

    /// Records the headcount while the campaign runs. A second entry is refused (`.alreadyEntered`): the number
    /// anchors the quota, so it is not quietly changed afterwards. The audit entry (`headcount_enter`, with the
    /// door: web or API) is written in the same transaction.
    public func enter(
        campaignID: Int64, unitID: Int64, headcount: Int, by user: AuthenticatedUser,
        now: Int64
    ) throws {
        try connection.transaction {
            let campaign = try ReportingCampaign.load(connection, campaignID: campaignID, unitID: unitID)
            guard campaign.countsOfficials else {
                throw ReportSubmissionError(
                    .notHeadcountCampaign,
                    message:
                        "Đợt khảo sát này tính theo số người đến giao dịch trong báo cáo ngày, không nhập số cán bộ, công chức."
                )
            }
            try campaign.checkDateInCampaign(VietnamTime.localDate(at: now))
            guard (1...100_000).contains(headcount) else {
                throw ReportSubmissionError(
                    .invalid([Self.field: "Số cán bộ, công chức phải là số nguyên từ 1 đến 100000."]),
                    message: "Số cán bộ, công chức chưa hợp lệ.")
            }
            if let existing = try self.headcount(campaignID: campaignID, unitID: unitID) {
                throw ReportSubmissionError(
                    .alreadyEntered,
                    message:
                        "Số cán bộ, công chức của đơn vị đã được nhập cho đợt này (\(existing) người). Mỗi đợt chỉ nhập một lần; nếu nhập sai, hãy báo cấp huyện."
                )
            }
            try connection.run(
                """
                INSERT INTO campaign_unit_headcounts (campaign_id, unit_id, headcount, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?)
                """, [campaignID, unitID, headcount, user.id, now])
            try ReportAudit(connection: connection, user: user).record(
                .headcountEnter, "Số cán bộ, công chức: \(headcount) người", campaignID: campaignID, unitID: unitID,
                at: now)
        }
    }

    public func headcount(campaignID: Int64, unitID: Int64) throws -> Int? {
        try connection.scalar(
            "SELECT headcount FROM campaign_unit_headcounts WHERE campaign_id = ? AND unit_id = ?",
            [campaignID, unitID])
    }
}
