/// A ZIP archive this writer cannot produce (it writes the classic format, without ZIP64).
public struct ZipError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
}
