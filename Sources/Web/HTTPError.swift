import HTTP

/// An error that knows how it should be answered: a status, a message fit to show to the person using the
/// site, and optional headers (`Allow` for 405, `Retry-After` for 429). The router turns it into a page with the
/// router's `errorRenderer`; the message is shown to the user, so never put internal details in it.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPStatus
    public var message: String
    public var headers: HTTPHeaders

    /// - Parameter message: what the user reads; defaults to a Vietnamese sentence for the status.
    public init(_ status: HTTPStatus, message: String? = nil, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.message = message ?? Self.defaultMessage(for: status)
        self.headers = headers
    }

    public var description: String { "HTTPError(\(status)): \(message)" }

    public static let badRequest = HTTPError(.badRequest)
    public static let forbidden = HTTPError(.forbidden)
    public static let notFound = HTTPError(.notFound)
    public static let internalServerError = HTTPError(.internalServerError)

    /// The sentence shown when the application gives none.
    public static func defaultMessage(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: "Yêu cầu không hợp lệ."
        case 401: "Vui lòng đăng nhập để tiếp tục."
        case 403: "Bạn không có quyền truy cập trang này."
        case 404: "Không tìm thấy trang bạn yêu cầu."
        case 405: "Phương thức không được hỗ trợ."
        case 409: "Yêu cầu xung đột với dữ liệu hiện có. Vui lòng tải lại trang và thử lại."
        case 410: "Trang này không còn hoạt động."
        case 413: "Dữ liệu gửi lên quá lớn."
        case 415: "Định dạng dữ liệu gửi lên không được hỗ trợ."
        case 422: "Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra lại."
        case 429: "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."
        case 503: "Hệ thống đang tạm thời quá tải. Vui lòng thử lại sau."
        case 400..<500: "Yêu cầu không hợp lệ."
        default: "Đã có lỗi xảy ra. Vui lòng thử lại sau."
        }
    }
}
