import HTTP
import Web

/// The API's own refusals, each with a stable code and a Vietnamese sentence that says what to do.
extension APIError {
    static let unitNotFound = APIError(
        status: .notFound, code: "unit_not_found",
        message: "Không tìm thấy đơn vị có mã này trong đợt khảo sát. Hãy kiểm tra lại mã xã, phường, thị trấn.")
    static let badDate = APIError(
        status: .notFound, code: "not_found",
        message: "Ngày trong địa chỉ không hợp lệ. Hãy ghi ngày theo dạng YYYY-MM-DD, ví dụ 2024-06-12.")
    static let reportForbidden = APIError(
        status: .forbidden, code: "forbidden",
        message: "Chỉ tài khoản cấp xã của chính đơn vị này được nộp báo cáo ngày. Cấp huyện có thể mở nhập muộn cho xã nếu cần.")
    static let unsupportedBody = APIError(
        status: .unsupportedMediaType, code: "unsupported_media_type",
        message: "Nội dung gửi lên phải là JSON (Content-Type: application/json).")
}

/// A refused daily report, headcount or late-entry opening answers with its own status and message on a page, and
/// with a code a client can switch on in the API.
extension ReportSubmissionError: APICodedError {
    public var apiCode: String {
        switch kind {
        case .campaignNotFound: "campaign_not_found"
        case .campaignNotOpen: "campaign_not_open"
        case .notInCampaign: "not_in_campaign"
        case .outsideWindow: "outside_window"
        case .notToday: "not_today"
        case .invalid: "invalid"
        case .alreadyEntered: "already_entered"
        case .notHeadcountCampaign: "not_headcount_campaign"
        }
    }
}

extension SuggestionDeskError: HTTPResponseError {}
