import HTTP

/// A file's bytes and the validators computed once when it was read.
struct CachedFile: Sendable {
    let metadata: FileSystem.Metadata
    let bytes: [UInt8]
    let contentType: String
    /// Strong validator from size and modification time: cheap, and changes whenever the file does (short of
    /// an edit that keeps both, which nanosecond timestamps make unlikely).
    let entityTag: String
    let lastModified: String

    var modifiedSeconds: Int { metadata.modifiedSeconds }

    init(path: String, metadata: FileSystem.Metadata, bytes: [UInt8]) {
        self.metadata = metadata
        self.bytes = bytes
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        contentType = MediaTypes.forFile(named: fileName)
        entityTag =
            "\"" + String(metadata.size, radix: 16) + "-" + String(metadata.modifiedSeconds, radix: 16) + "."
            + String(metadata.modifiedNanoseconds, radix: 16) + "\""
        lastModified = HTTPDate.format(secondsSince1970: metadata.modifiedSeconds)
    }
}
