/// Why a multipart body was refused: the status to answer with and a short English reason for the log.
/// Malformed framing is 400, a limit passed is 413, a body that is not multipart/form-data at all is 415.
public struct MultipartError: Error, Sendable, Hashable, CustomStringConvertible {
    public let status: HTTPStatus
    public let reason: String

    public init(status: HTTPStatus, reason: String) {
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(status): \(reason)" }

    static func malformed(_ reason: String) -> MultipartError { MultipartError(status: .badRequest, reason: reason) }
    static func tooLarge(_ reason: String) -> MultipartError {
        MultipartError(status: .contentTooLarge, reason: reason)
    }
}
