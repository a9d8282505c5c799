import Store

/// The answer to a filed daily report: which report, which version, and whether it counted as on time.
struct APIReportReceipt: Encodable, Sendable {
    let campaign: Int64
    let code: String
    let date: String
    let reportID: Int64
    /// 1 for the first filing; each correction adds one.
    let version: Int
    /// false when filed through a district's late-entry opening.
    let onTime: Bool

    init(campaign: Int64, code: String, date: String, receipt: DailyReportReceipt) {
        self.campaign = campaign
        self.code = code
        self.date = date
        reportID = receipt.reportID
        version = receipt.version
        onTime = receipt.onTime
    }
}
