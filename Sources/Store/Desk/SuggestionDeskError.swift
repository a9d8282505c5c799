/// Why the suggestion desk refused a change; `message` is Vietnamese, `status` what a page or the API answers.
public struct SuggestionDeskError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case notFound
        /// Field name → message.
        case invalid([String: String])
        /// Statuses only move forward: new → in progress → resolved.
        case invalidTransition(from: SuggestionStatus, to: SuggestionStatus)
    }

    public let kind: Kind
    public let message: String

    public var description: String { message }
}
