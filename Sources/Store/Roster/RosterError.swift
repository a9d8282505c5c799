/// Why a roster entry or a deadline was refused; the web side maps the kind to a status.
public struct RosterError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case notFound
        case outOfScope
        /// Field name → what is wrong with it.
        case invalid([String: String])
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
