/// A reply of the district (or the province) to a unit's report of a day, as the commune reads it.
public struct ReportReply: Sendable, Hashable {
    public let id: Int64
    public let reportID: Int64
    /// The version of the report the reader had in front of them.
    public let reportVersion: Int
    public let body: String
    public let username: String
    /// The unit of the account that replied ("Huyện …", "Tỉnh …").
    public let unitName: String
    /// That unit's code and the account's role ("district", "province"); empty when the account is gone.
    public let unitCode: String
    public let role: String
    public let repliedAt: Int64
}
