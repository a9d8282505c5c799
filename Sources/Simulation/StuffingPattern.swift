/// The kinds of stuffing the simulation injects, each labelled on every answer it produces, so that what the
/// flagger finds can be scored against the truth.
package enum StuffingPattern: String, CaseIterable, Sendable, Hashable {
    /// One phone, cookies cleared between answers, a few dozen answers within the better part of an hour.
    case burst
    /// The same answer vector many times in a day, from a handful of phones.
    case identicalVectors = "identical_vectors"
    /// As above, but each copy changes one answer.
    case nearIdenticalVectors = "near_identical_vectors"
    /// Answers in the evening or on Sunday, when the desk is closed.
    case offHours = "off_hours"
    /// Forms sent a few seconds after they were opened, faster than anyone reads them.
    case tooFast = "too_fast"
    /// The desk's kiosk taking one answer after another with no gap for a next person to step up.
    case kioskNoGap = "kiosk_no_gap"
    /// Answers far above the visitors the commune reported that day, added late in the afternoon.
    case overQuota = "over_quota"

    package var label: String {
        switch self {
        case .burst: "Một máy gửi dồn dập"
        case .identicalVectors: "Phiếu giống hệt nhau"
        case .nearIdenticalVectors: "Phiếu gần giống nhau"
        case .offHours: "Ngoài giờ làm việc"
        case .tooFast: "Điền quá nhanh"
        case .kioskNoGap: "Máy tại quầy không nghỉ"
        case .overQuota: "Vượt số khách đã báo cáo"
        }
    }
}

/// One answer the simulation sends, with what the server would see of its sender and the truth about it.
package struct SimulatedAnswer: Sendable {
    package var unitIndex: Int
    /// Unix seconds.
    package var at: Int64
    package var fillSeconds: Int
    package var kiosk: Bool
    /// The client address the server sees (after the trusted proxy, if any).
    package var address: String
    package var userAgent: String
    /// Question code → submitted values, as the browser posts them.
    package var fields: [String: [String]]
    /// nil for an honest answer.
    package var pattern: StuffingPattern?
}
