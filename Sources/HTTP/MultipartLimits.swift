/// Size limits the multipart parser enforces while bytes arrive; passing any of them is a 413.
public struct MultipartLimits: Sendable, Hashable {
    /// Most parts (fields and files together).
    public var maxParts: Int
    /// Largest header block of one part (its field lines and their CRLFs).
    public var maxHeaderBytesPerPart: Int
    /// Largest whole body, preamble and epilogue included.
    public var maxTotalBytes: Int
    /// Largest value of one non-file field (a part without a filename). File parts stream out unbounded here;
    /// their consumer enforces its own per-file limit.
    public var maxFieldBytes: Int

    public init(
        maxParts: Int = 32,
        maxHeaderBytesPerPart: Int = 8 * 1024,
        maxTotalBytes: Int = 20 * 1024 * 1024 + 64 * 1024,
        maxFieldBytes: Int = 64 * 1024
    ) {
        self.maxParts = maxParts
        self.maxHeaderBytesPerPart = maxHeaderBytesPerPart
        self.maxTotalBytes = maxTotalBytes
        self.maxFieldBytes = maxFieldBytes
    }
}
