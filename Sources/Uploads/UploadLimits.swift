import HTTP

/// How large an upload may be: one file of at most `maxFileBytes`, in a multipart body parsed under
/// `multipart` (whose total must leave room for the file plus the form's other fields and framing).
public struct UploadLimits: Sendable, Hashable {
    /// Room for the form's other fields, part headers and boundaries around the file.
    public static let formOverheadBytes = 64 * 1024

    public var maxFileBytes: Int
    public var multipart: MultipartLimits

    public init(maxFileBytes: Int = 20 * 1024 * 1024, multipart: MultipartLimits? = nil) {
        self.maxFileBytes = maxFileBytes
        self.multipart =
            multipart ?? MultipartLimits(maxParts: 16, maxTotalBytes: maxFileBytes + Self.formOverheadBytes)
    }

    /// The limits for `qcdc serve --upload-max-megabytes N` (N MiB per file).
    public init(maxFileMegabytes: Int) {
        self.init(maxFileBytes: maxFileMegabytes * 1024 * 1024)
    }

    /// The request body an upload route must be allowed (`HTTPLimits.uploadBodyBytes`).
    public var maxBodyBytes: Int { multipart.maxTotalBytes }
}
