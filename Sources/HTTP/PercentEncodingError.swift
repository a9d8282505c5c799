/// Percent-encoded text that cannot be decoded. The web layer answers 400.
public enum PercentEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A "%" not followed by two hexadecimal digits, at this byte offset.
    case invalidEscape(offset: Int)
    /// The decoded bytes are not valid UTF-8.
    case invalidUTF8

    public var description: String {
        switch self {
        case .invalidEscape(let offset): "a % at byte \(offset) is not followed by two hexadecimal digits"
        case .invalidUTF8: "the percent-decoded bytes are not valid UTF-8"
        }
    }
}
