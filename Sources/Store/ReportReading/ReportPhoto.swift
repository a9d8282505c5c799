import Survey

/// A photo of a day's outreach attached to a unit's daily report, stored by content hash in the upload store.
public struct ReportPhoto: Sendable, Hashable {
    public let id: Int64
    public let unitID: Int64
    public let date: LocalDate
    public let contentHash: String
    public let mediaType: String
    public let size: Int
    public let fileName: String
    public let uploadedAt: Int64

    /// What the upload route hands the store once the file is received and sniffed.
    public struct New: Sendable, Hashable {
        public let contentHash: String
        public let mediaType: String
        public let size: Int
        public let fileName: String

        public init(contentHash: String, mediaType: String, size: Int, fileName: String) {
            self.contentHash = contentHash
            self.mediaType = mediaType
            self.size = size
            self.fileName = fileName
        }
    }
}
