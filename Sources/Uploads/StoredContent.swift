/// A file in the content-addressed store: its hash and its size in bytes.
public struct StoredContent: Sendable, Hashable {
    public let hash: ContentHash
    public let size: Int

    public init(hash: ContentHash, size: Int) {
        self.hash = hash
        self.size = size
    }
}
