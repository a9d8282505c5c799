import Survey

/// A unit's filed six-month or annual report: its document (in the upload store) and its figures by field code.
public struct PeriodicReport: Sendable, Hashable {
    public let id: Int64
    public let unitID: Int64
    public let year: Int
    public let period: ReportPeriod
    public let contentHash: String
    public let mediaType: String
    public let fileName: String
    public let size: Int
    public let filedAt: Int64
    public var values: [String: Int]

    /// Filed after the period's due day (Hà Nội date).
    public var isLate: Bool {
        guard let due = period.due(year: year) else { return false }
        return VietnamTime.localDate(at: filedAt) > due
    }

    /// What the upload route hands the store.
    public struct Document: Sendable, Hashable {
        public let contentHash: String
        public let mediaType: String
        public let fileName: String
        public let size: Int

        public init(contentHash: String, mediaType: String, fileName: String, size: Int) {
            self.contentHash = contentHash
            self.mediaType = mediaType
            self.fileName = fileName
            self.size = size
        }
    }
}
