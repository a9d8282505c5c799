import Survey

/// Why a daily report, a headcount or a late-entry opening was refused. `message` is the Vietnamese sentence to
/// show; `kind` is what pages and the API switch on (the web side maps it to an HTTP status).
public struct ReportSubmissionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case campaignNotFound
        /// A draft, or a campaign closed by hand.
        case campaignNotOpen
        /// The unit is not in the campaign, or the date is outside the campaign's days.
        case notInCampaign
        /// Today's report, but not inside the window. `secondsUntilOpen` counts to the next opening.
        case outsideWindow(window: ReportingWindow, now: Int64, secondsUntilOpen: Int)
        /// A report for another day than today, with no late-entry opening for it.
        case notToday(date: LocalDate, today: LocalDate)
        /// Field name → message, for the form to show beside each field.
        case invalid([String: String])
        /// The PKS01 headcount was entered already.
        case alreadyEntered
        /// A headcount asked of a campaign that counts visitors.
        case notHeadcountCampaign
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    package static func outsideWindow(_ window: ReportingWindow, now: Int64) -> ReportSubmissionError {
        let clock = VietnamTime.clockText(at: now)
        switch window.position(at: now) {
        case .before(let seconds):
            return ReportSubmissionError(
                .outsideWindow(window: window, now: now, secondsUntilOpen: seconds),
                message:
                    "Chưa đến giờ nhận báo cáo ngày. Báo cáo được nhận từ \(window.text) (giờ Việt Nam); bây giờ là \(clock), còn \(DurationText.vietnamese(seconds: seconds)) nữa mới mở."
            )
        case .after(let seconds):
            return ReportSubmissionError(
                .outsideWindow(window: window, now: now, secondsUntilOpen: seconds),
                message:
                    "Đã hết giờ nhận báo cáo hôm nay. Báo cáo được nhận từ \(window.text) (giờ Việt Nam); bây giờ là \(clock), khung giờ ngày mai mở sau \(DurationText.vietnamese(seconds: seconds)). Nếu cần nộp muộn, hãy đề nghị cấp huyện mở nhập muộn cho ngày này."
            )
        case .inside:
            // Not reached: callers build this error only outside the window. Said plainly all the same.
            return ReportSubmissionError(
                .outsideWindow(window: window, now: now, secondsUntilOpen: 0),
                message: "Báo cáo được nhận từ \(window.text) (giờ Việt Nam); bây giờ là \(clock).")
        }
    }

    package static func notToday(_ date: LocalDate, today: LocalDate) -> ReportSubmissionError {
        let when = date > today ? "chưa đến" : "đã qua"
        return ReportSubmissionError(
            .notToday(date: date, today: today),
            message:
                "Chỉ nhận báo cáo của ngày hôm nay (\(today.vietnamese)); ngày \(date.vietnamese) \(when). Muốn nộp hoặc sửa báo cáo ngày đã qua, hãy đề nghị cấp huyện mở nhập muộn."
        )
    }

    package static func noCampaignOn(_ date: LocalDate) -> ReportSubmissionError {
        ReportSubmissionError(
            .notInCampaign,
            message:
                "Ngày \(date.vietnamese) không có đợt khảo sát nào đang mở cho đơn vị, nên không nhận báo cáo ngày.")
    }

    package static let campaignNotFound = ReportSubmissionError(
        .campaignNotFound, message: "Không tìm thấy đợt khảo sát này.")
    package static let campaignNotOpen = ReportSubmissionError(
        .campaignNotOpen, message: "Đợt khảo sát chưa được công bố hoặc đã đóng, không nhận báo cáo.")
    package static let unitNotInCampaign = ReportSubmissionError(
        .notInCampaign, message: "Đơn vị này không tham gia đợt khảo sát.")

    package static func dateNotInCampaign(_ date: LocalDate, startsOn: LocalDate, endsOn: LocalDate)
        -> ReportSubmissionError
    {
        ReportSubmissionError(
            .notInCampaign,
            message:
                "Ngày \(date.vietnamese) nằm ngoài thời gian đợt khảo sát (\(startsOn.vietnamese) – \(endsOn.vietnamese))."
        )
    }
}
