/// What `DailyReportStore.submit` did.
public struct DailyReportReceipt: Sendable, Hashable {
    public let reportID: Int64
    /// 1 for the first filing; each correction adds one.
    public let version: Int
    /// Whether this filing was inside the window (false: through a late-entry opening).
    public let onTime: Bool
    public let lateEntryOpeningID: Int64?
    /// The open campaigns that count this report, by id.
    public var campaignIDs: [Int64] = []

    public var isCorrection: Bool { version > 1 }
}
