import HTTP
import Store
import Web

/// An error of the JSON API: a status, a stable machine code ("invalid_token") and a Vietnamese sentence for
/// people. API routes are declared with `RouteTable.api`, so a thrown `APIError`, or any other
/// `HTTPResponseError` (a store's refusal, an `HTTPError`), becomes `{"error": code, "message": message}`
/// instead of an HTML page.
public struct APIError: APICodedError, APIErrorResponse, CustomStringConvertible {
    public let status: HTTPStatus
    public let code: String
    public let message: String

    public init(status: HTTPStatus, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "APIError(\(status.code) \(code)): \(message)" }
    public var apiCode: String { code }

    /// The JSON answer, marked uncacheable. A 401 carries `WWW-Authenticate: Bearer` as RFC 6750 asks.
    public var response: Response {
        let body = Body(error: code, message: message)
        var response: Response
        do {
            response = try APIJSON.response(body, status: status)
        } catch {
            // Encoding two strings cannot fail; keep a valid answer anyway rather than trapping.
            response = .text(message, status: status)
        }
        response.headers.set("Cache-Control", "no-store")
        if status.code == 401 {
            response.headers.set("WWW-Authenticate", "Bearer realm=\"qcdc\"")
        }
        return response
    }

    /// The API form of any error that knows its status: its own code when it has one, else the status's.
    public init(_ error: any HTTPResponseError) {
        let code = (error as? any APICodedError)?.apiCode ?? Self.code(for: error.status)
        self.init(status: error.status, code: code, message: error.message)
    }

    /// A stable code for a status, for errors that carry none of their own.
    public static func code(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 409: "conflict"
        case 413: "too_large"
        case 415: "unsupported_media_type"
        case 422: "invalid"
        case 429: "too_many_requests"
        case 503: "unavailable"
        default: status.code >= 500 ? "internal_error" : "error"
        }
    }

    public static let missingToken = APIError(
        status: .unauthorized, code: "missing_token",
        message:
            "Thiếu mã truy cập. Hãy gửi tiêu đề “Authorization: Bearer <mã truy cập>”; API không chấp nhận cookie đăng nhập."
    )
    public static let invalidToken = APIError(
        status: .unauthorized, code: "invalid_token",
        message: "Mã truy cập không hợp lệ, đã bị thu hồi hoặc tài khoản đã bị khóa. Hãy xin mã mới từ quản trị viên.")
    public static let readOnlyToken = APIError(
        status: .forbidden, code: "read_only_token",
        message: "Mã truy cập này chỉ được đọc dữ liệu (phạm vi read); thao tác ghi cần mã có phạm vi read,write.")

    /// The 401 for a token that exists but may not be used now, naming the reason so the integrator knows what to
    /// fix (a new token, an enabled account, a changed first password).
    static func refused(_ refusal: TokenRefusal) -> APIError {
        switch refusal {
        case .unknown:
            invalidToken
        case .revoked:
            APIError(
                status: .unauthorized, code: "token_revoked",
                message: "Mã truy cập đã bị thu hồi. Hãy xin mã mới từ quản trị viên (qcdc token add).")
        case .expired:
            APIError(
                status: .unauthorized, code: "token_expired",
                message: "Mã truy cập đã hết hạn. Hãy xin mã mới từ quản trị viên (qcdc token add).")
        case .accountDisabled:
            APIError(
                status: .unauthorized, code: "account_disabled",
                message: "Tài khoản sở hữu mã truy cập đã bị khóa, nên mã không còn dùng được.")
        case .passwordChanged:
            APIError(
                status: .unauthorized, code: "password_changed",
                message:
                    "Mật khẩu của tài khoản đã được đổi hoặc cấp lại sau khi tạo mã này: mã cũ hết hiệu lực, hãy xin mã mới từ quản trị viên."
            )
        case .passwordChangeRequired:
            APIError(
                status: .unauthorized, code: "password_change_required",
                message:
                    "Tài khoản sở hữu mã còn phải đổi mật khẩu lần đầu; hãy đăng nhập và đổi mật khẩu trước khi dùng API."
            )
        }
    }

    public static let forbidden = APIError(
        status: .forbidden, code: "forbidden", message: "Tài khoản của bạn không có quyền truy cập dữ liệu này.")

    /// Wraps an API handler: an error with a JSON answer of its own gives it; any other `HTTPResponseError`
    /// becomes `{"error", "message"}` with its status and headers. Other errors still reach the router (a
    /// logged 500, turned into JSON by `APITokenMiddleware`).
    static func handler(_ body: @escaping Handler) -> Handler {
        { request in
            do {
                return try await body(request)
            } catch let error as any APIErrorResponse {
                return error.response
            } catch let error as any HTTPResponseError {
                var response = APIError(error).response
                for (name, value) in error.headers { response.headers.set(name, value) }
                return response
            }
        }
    }

    private struct Body: Encodable {
        let error: String
        let message: String
    }
}

/// An error with a stable machine code for API clients to switch on ("outside_window").
public protocol APICodedError: HTTPResponseError {
    var apiCode: String { get }
}

/// An error that writes its whole JSON answer itself (a 422 that names each field at fault).
public protocol APIErrorResponse: Error {
    var response: Response { get }
}
