import HTTP

/// A multipart form with its one file already stored: the text fields, and the file's hash, size, kind and
/// harmless original name, ready for a database row.
public struct ReceivedUpload: Sendable, Hashable {
    public struct File: Sendable, Hashable {
        public let content: StoredContent
        public let kind: UploadKind
        public let name: StoredFileName

        public var hash: ContentHash { content.hash }
        public var size: Int { content.size }
    }

    /// The text fields (every part without a filename), in order.
    public let fields: URLEncodedForm
    public let file: File
}
