import HTTP
import Store
import Web

// The stores refuse with a kind and a Vietnamese sentence; which HTTP status that is, is the web side's business.

/// A refused daily report, headcount or late-entry opening answers with its own status and message on a page, and
/// with a code a client can switch on in the API.
extension ReportSubmissionError: APICodedError {
    /// 404 for what does not exist, 422 for bad input, 409 for a request the current state refuses.
    public var status: HTTPStatus {
        switch kind {
        case .campaignNotFound: .notFound
        case .invalid: .unprocessableContent
        case .campaignNotOpen, .notInCampaign, .outsideWindow, .notToday, .alreadyEntered,
            .notHeadcountCampaign:
            .conflict
        }
    }

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

extension SuggestionDeskError: HTTPResponseError {
    public var status: HTTPStatus {
        switch kind {
        case .notFound: .notFound
        case .invalid: .unprocessableContent
        case .invalidTransition: .conflict
        }
    }
}

/// A suggestion the box could not store: a forged submission id is a bad request, no free lookup code a 503 to retry.
extension SuggestionStoreError: HTTPResponseError {
    public var status: HTTPStatus {
        switch kind {
        case .foreignSubmission: .badRequest
        case .betweenRounds: .conflict
        case .notSaved: .serviceUnavailable
        }
    }

    public var message: String { description }
}

extension CampaignAccessError: APICodedError {
    public var status: HTTPStatus {
        switch self {
        case .notFound: .notFound
        case .outOfScope, .notOwner: .forbidden
        }
    }

    public var message: String {
        switch self {
        case .notFound:
            "Không tìm thấy đợt khảo sát này. Hãy chọn đợt khảo sát từ danh sách các đợt."
        case .outOfScope:
            "Đợt khảo sát này không có đơn vị nào thuộc phạm vi quản lý của tài khoản bạn."
        case .notOwner:
            "Đợt khảo sát này do đơn vị khác tổ chức: chỉ đơn vị chủ trì và tỉnh được sửa, mở hoặc đóng đợt."
        }
    }

    public var apiCode: String {
        switch self {
        case .notFound: "campaign_not_found"
        case .outOfScope, .notOwner: "forbidden"
        }
    }
}

/// A refused account change made on the web: 404 for an unknown account, 409 for a taken name, 422 for bad input.
extension AccountError: HTTPResponseError {
    public var status: HTTPStatus {
        switch self {
        case .unknownUser: .notFound
        case .usernameTaken: .conflict
        case .unknownUnit, .roleDoesNotMatchUnit, .invalid: .unprocessableContent
        }
    }

    public var message: String { description }
}

/// A review of an answer that is not flagged in that campaign and unit: 404, on a page and in the API alike.
extension FlagReviewError: HTTPResponseError {
    package var status: HTTPStatus { .notFound }
}

/// A refused change of the year index's weighting: a bad number is a 422, anyone but the province a 403.
extension IndexWeightError: HTTPResponseError {
    public var status: HTTPStatus {
        switch self {
        case .invalidWeight, .invalidMinimum, .unknownForm: .unprocessableContent
        case .forbidden: .forbidden
        }
    }
}
