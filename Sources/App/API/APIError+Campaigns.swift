import HTTP
import Store
import Web

/// The API's own refusals, each with a stable code and a Vietnamese sentence that says what to do.
extension APIError {
    static let unitNotFound = APIError(
        status: .notFound, code: "unit_not_found",
        message: "Không tìm thấy đơn vị có mã này trong đợt khảo sát. Hãy kiểm tra lại mã xã, phường, thị trấn.")
    static let unitAndDistrict = APIError(
        status: .badRequest, code: "bad_request",
        message: "Chỉ chọn một trong hai: unit (mã xã, phường) hoặc district (mã huyện), không dùng cả hai.")
    static let districtNotFound = APIError(
        status: .notFound, code: "unit_not_found",
        message: "Không tìm thấy huyện có mã này trong đợt khảo sát. Hãy kiểm tra lại mã huyện, thị xã, thành phố.")
    static let notADistrict = APIError(
        status: .notFound, code: "unit_not_found",
        message: "Không có huyện mang mã này trong danh sách đơn vị hiện hành. Hãy kiểm tra lại mã huyện.")
    static let badDate = APIError(
        status: .notFound, code: "not_found",
        message: "Ngày trong địa chỉ không hợp lệ. Hãy ghi ngày theo dạng YYYY-MM-DD, ví dụ 2024-06-12.")
    static let reportForbidden = APIError(
        status: .forbidden, code: "forbidden",
        message:
            "Chỉ tài khoản cấp xã của chính đơn vị này được nộp báo cáo ngày. Cấp huyện có thể mở nhập muộn cho xã nếu cần."
    )
    static let unsupportedBody = APIError(
        status: .unsupportedMediaType, code: "unsupported_media_type",
        message: "Nội dung gửi lên phải là JSON (Content-Type: application/json).")
}
