/// Why an answer was flagged (`response_flags.reason`). An answer may carry several.
package enum FlagReason: String, CaseIterable, Sendable {
    case burst
    case repeatDevice = "repeat_device"
    case identicalVectors = "identical_vectors"
    case tooFast = "too_fast"
    case offHours = "off_hours"
    case overQuota = "over_quota"

    /// What the console shows.
    package var label: String {
        switch self {
        case .burst: "dồn dập từ một mạng"
        case .repeatDevice: "lặp lại từ một thiết bị"
        case .identicalVectors: "trùng lặp câu trả lời"
        case .tooFast: "trả lời quá nhanh"
        case .offHours: "ngoài giờ làm việc"
        case .overQuota: "vượt số lượt giao dịch"
        }
    }

    /// Reasons in declaration order, so every page lists them the same way.
    package static func sorted(_ reasons: some Sequence<FlagReason>) -> [FlagReason] {
        let set = Set(reasons)
        return allCases.filter(set.contains)
    }
}

/// Where a flagged answer stands (`response_reviews.state`).
package enum FlagReviewState: String, CaseIterable, Sendable {
    case open, confirmed, cleared

    package var label: String {
        switch self {
        case .open: "chưa xem xét"
        case .confirmed: "đã xác nhận (không tính)"
        case .cleared: "đã bỏ cờ (vẫn tính)"
        }
    }
}
