/// What was written, for the command's summary line and for tests.
public struct BenchDataOutcome: Sendable, Hashable, CustomStringConvertible {
    public var units = 0
    public var campaignIDs: [Int64] = []
    public var answers = 0
    public var textAnswers = 0
    public var dailyReports = 0
    public var reportVersions = 0
    public var suggestions = 0

    public var description: String {
        "\(units) đơn vị, \(campaignIDs.count) đợt khảo sát (số \(campaignIDs.map(String.init).joined(separator: ", "))), "
            + "\(answers) phiếu trả lời (\(textAnswers) ý kiến viết), \(dailyReports) báo cáo ngày "
            + "(\(reportVersions) phiên bản), \(suggestions) góp ý"
    }
}
