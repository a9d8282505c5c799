import Foundation
import Survey

/// What a work team types into its daily report, before the store decides whether it is accepted.
public struct DailyReportDraft: Sendable, Hashable {
    /// The campaign the report is filed through (the API's path, an old bookmark), which must then cover the unit
    /// and the day; nil for the unit's own report page. The report itself belongs to the unit and the day.
    public var campaignID: Int64?
    public var unitID: Int64
    public var date: LocalDate
    public var visitors: Int
    public var guided: Int
    public var staffOnDuty: Int
    public var volunteers: Int
    public var publicity: Set<PublicityChannel>
    public var difficulties: String
    public var proposals: String

    public init(
        campaignID: Int64? = nil, unitID: Int64, date: LocalDate, visitors: Int, guided: Int, staffOnDuty: Int,
        volunteers: Int, publicity: Set<PublicityChannel> = [], difficulties: String = "",
        proposals: String = ""
    ) {
        self.campaignID = campaignID
        self.unitID = unitID
        self.date = date
        self.visitors = visitors
        self.guided = guided
        self.staffOnDuty = staffOnDuty
        self.volunteers = volunteers
        self.publicity = publicity
        self.difficulties = difficulties
        self.proposals = proposals
    }

    /// Longest free text, in characters.
    public static let maxTextLength = 2000
    /// No desk sees this many people in a day: a larger number is a typing slip.
    public static let maxCount = 100_000

    /// Form field names, shared by the page that renders the form and `parse`.
    public enum Field {
        public static let visitors = "visitors"
        public static let guided = "guided"
        public static let staffOnDuty = "staff_on_duty"
        public static let volunteers = "volunteers"
        public static let publicity = "publicity"
        public static let difficulties = "difficulties"
        public static let proposals = "proposals"
    }

    /// Reads a submitted form (`name → values`, as `Request.form()` gives them) into a draft, or the messages to
    /// show beside each field.
    public static func parse(
        _ fields: [String: [String]], campaignID: Int64? = nil, unitID: Int64,
        date: LocalDate
    ) -> Result<DailyReportDraft, ReportSubmissionError> {
        var errors: [String: String] = [:]
        func count(_ name: String, _ what: String) -> Int {
            let text = (fields[name]?.first ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                errors[name] = "Vui lòng nhập \(what)."
                return 0
            }
            guard let value = Int(text), value >= 0, value <= maxCount else {
                errors[name] =
                    "\(what.prefix(1).uppercased() + what.dropFirst()) phải là số nguyên từ 0 đến \(maxCount)."
                return 0
            }
            return value
        }
        var draft = DailyReportDraft(
            campaignID: campaignID, unitID: unitID, date: date,
            visitors: count(Field.visitors, "số người đến giao dịch"),
            guided: count(Field.guided, "số người được hướng dẫn trả lời phiếu"),
            staffOnDuty: count(Field.staffOnDuty, "số cán bộ trực"),
            volunteers: count(Field.volunteers, "số tình nguyện viên"))
        for code in fields[Field.publicity] ?? [] where !code.isEmpty {
            guard let channel = PublicityChannel(rawValue: code) else {
                errors[Field.publicity] = "Hình thức tuyên truyền không hợp lệ, vui lòng chọn lại."
                continue
            }
            draft.publicity.insert(channel)
        }
        draft.difficulties = SearchText.clean(fields[Field.difficulties]?.first ?? "")
        draft.proposals = SearchText.clean(fields[Field.proposals]?.first ?? "")
        // A count that did not parse stands at 0 in the draft: its cross-checks would only add noise.
        for (name, message) in draft.problems() ?? [:] where errors[name] == nil {
            if name == Field.guided, errors[Field.visitors] != nil { continue }
            errors[name] = message
        }
        return errors.isEmpty
            ? .success(draft)
            : .failure(
                ReportSubmissionError(
                    .invalid(errors), message: "Báo cáo chưa hợp lệ, vui lòng xem lại các ô được đánh dấu."))
    }

    /// Checks a draft built in code (the API's JSON) the way `parse` checks a form; nil when it is fine.
    public func problems() -> [String: String]? {
        var errors: [String: String] = [:]
        let counts = [
            (Field.visitors, visitors), (Field.guided, guided), (Field.staffOnDuty, staffOnDuty),
            (Field.volunteers, volunteers),
        ]
        for (name, value) in counts where value < 0 || value > Self.maxCount {
            errors[name] = "Số liệu phải là số nguyên từ 0 đến \(Self.maxCount)."
        }
        if errors[Field.guided] == nil, errors[Field.visitors] == nil, guided > visitors {
            errors[Field.guided] =
                "Số người được hướng dẫn (\(guided)) không thể lớn hơn số người đến giao dịch (\(visitors))."
        }
        if difficulties.count > Self.maxTextLength {
            errors[Field.difficulties] = "Khó khăn, vướng mắc dài quá \(Self.maxTextLength) ký tự."
        }
        if proposals.count > Self.maxTextLength {
            errors[Field.proposals] = "Đề xuất, kiến nghị dài quá \(Self.maxTextLength) ký tự."
        }
        return errors.isEmpty ? nil : errors
    }
}
