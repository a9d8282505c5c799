/// A form body or query string that cannot be decoded. The web layer answers 400.
public enum URLEncodedFormError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A name or value is not valid percent-encoded UTF-8.
    case invalidEncoding(field: Int, PercentEncodingError)
    /// More fields than the limit allows (a cheap way to burn CPU and memory otherwise).
    case tooManyFields(limit: Int)

    public var description: String {
        switch self {
        case .invalidEncoding(let field, let error): "form field \(field + 1): \(error)"
        case .tooManyFields(let limit): "the form has more than \(limit) fields"
        }
    }
}
