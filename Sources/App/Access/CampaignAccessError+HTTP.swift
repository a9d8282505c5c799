import HTTP
import Web

extension CampaignAccessError: APICodedError {
    public var status: HTTPStatus {
        switch self {
        case .notFound: .notFound
        case .outOfScope: .forbidden
        }
    }

    public var message: String {
        switch self {
        case .notFound:
            "Không tìm thấy đợt khảo sát này. Hãy chọn đợt khảo sát từ danh sách các đợt."
        case .outOfScope:
            "Đợt khảo sát này không có đơn vị nào thuộc phạm vi quản lý của tài khoản bạn."
        }
    }

    public var apiCode: String {
        switch self {
        case .notFound: "campaign_not_found"
        case .outOfScope: "forbidden"
        }
    }
}
