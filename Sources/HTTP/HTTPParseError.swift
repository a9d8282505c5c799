/// Why a request was refused: the status to answer with and a short English reason for the log.
public struct HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let status: HTTPStatus
    public let reason: String

    public init(status: HTTPStatus, reason: String) {
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(status): \(reason)" }

    static func badRequest(_ reason: String) -> HTTPParseError { HTTPParseError(status: .badRequest, reason: reason) }
}
