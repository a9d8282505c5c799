import HTTP

/// The short Vietnamese text/plain page the server sends for errors it finds itself (bad requests, timeouts,
/// overload), when the application gave no page of its own.
public enum DefaultErrorPage {
    public static func response(for status: HTTPStatus) -> HTTPResponse {
        HTTPResponse(
            status: status, contentType: "text/plain; charset=utf-8", body: "\(status.code) \(message(for: status))\n")
    }

    public static func message(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: "Yêu cầu không hợp lệ."
        case 404: "Không tìm thấy trang."
        case 408: "Hết thời gian chờ yêu cầu."
        case 411: "Yêu cầu thiếu độ dài nội dung."
        case 413: "Nội dung gửi lên quá lớn."
        case 414: "Địa chỉ quá dài."
        case 431: "Phần đầu yêu cầu quá lớn."
        case 501: "Máy chủ không hỗ trợ yêu cầu này."
        case 503: "Máy chủ đang quá tải, vui lòng thử lại sau."
        case 505: "Phiên bản HTTP không được hỗ trợ."
        case 500...: "Lỗi máy chủ."
        default: "Không thể xử lý yêu cầu."
        }
    }
}
