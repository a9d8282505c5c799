import HTML
import Survey

/// The per-unit figures, in the order every table shows them. Adding one: README.md, "Adding a figure".
extension UnitFigure {
    package static let all: [UnitFigure] = [
        code, name, districtCode, districtName, answers, answersToday, answersOnReportedDays, answersOnUnreportedDays,
        visitors, quotaStatus, satisfaction, flagged, flaggedConfirmed, reportsOnTime, lateReports, lastReportDate,
        reportedToday, suggestionsWaiting,
    ]

    package static let code = UnitFigure(
        "code", title: "Mã đơn vị", heading: "Mã", sql: "code", on: [.dashboard, .print, .export, .api],
        json: "code", order: .ascending { $0.code }
    ) { .text($0.code) }

    package static let name = UnitFigure(
        "name", title: "Tên đơn vị", heading: "Đơn vị", sql: "name", on: [.dashboard, .print, .export, .api],
        json: "name", order: .alphabetical { $0.name }
    ) { .text($0.name) }

    package static let districtCode = UnitFigure(
        "district_code", title: "Mã huyện", sql: "district_code", on: [.export, .api], needsDistricts: true,
        json: "district"
    ) { .text($0.districtCode) }

    /// Not on the print page: there the units are grouped under their district (`PrintReport`).
    package static let districtName = UnitFigure(
        "district", title: "Tên huyện", heading: "Huyện", sql: "district_name", on: [.dashboard, .export],
        needsDistricts: true
    ) { .text($0.districtName) }

    package static let answers = UnitFigure(
        "answers", title: "Tổng số phiếu", heading: "Tổng phiếu", sql: "answers",
        on: [.dashboard, .print, .export, .api], json: "answers", order: .descending { $0.answers },
        html: { answersCell($0.answers, today: $0.answersToday) },
        total: { .integer($0.answers) }, totalHTML: { answersCell($0.answers, today: $0.answersToday) }
    ) { .integer($0.answers) }

    package static let answersToday = UnitFigure(
        "answers_today", title: "Phiếu hôm nay", sql: "answers_today", on: [.export]
    ) { .integer($0.answersToday) }

    package static let answersOnReportedDays = UnitFigure(
        "answers_reported_days", title: "Phiếu ngày có báo cáo", sql: "reported_answers", on: [.export]
    ) { .integer($0.answersOnReportedDays) }

    /// Answers minus those of reported days: worked out, not read.
    package static let answersOnUnreportedDays = UnitFigure(
        "answers_unreported_days", title: "Phiếu ngày chưa báo cáo", on: [.export]
    ) { .integer($0.answersOnUnreportedDays) }

    package static let visitors = UnitFigure(
        "visitors", title: "Lượt giao dịch (ngày có báo cáo)", heading: "Khách (V)", sql: "visitors",
        on: [.dashboard, .print, .export, .api], json: "visitors", order: .descending { $0.visitors },
        total: { .integer($0.visitors) }
    ) { .integer($0.visitors) }

    /// The quota rule's verdict (`QuotaCheck`); the dashboard explains it with the bounds. Sorting puts the units
    /// to look at first on top. The API writes the status code ("vuot"), the tables its label ("vượt").
    package static let quotaStatus = UnitFigure(
        "status", title: "Định mức", heading: "Chỉ tiêu", on: [.dashboard, .print, .export, .api],
        json: "quota_status", order: .ascending { attentionRank($0.quotaStatus) },
        html: { unit in
            let quota = unit.quota
            let uncounted =
                quota.uncountedAnswers > 0 ? " · \(Format.count(quota.uncountedAnswers)) phiếu ngày chưa báo cáo" : ""
            return """
                <strong>\(unit.quotaStatus.label)</strong> <span class="note">\(Format.count(quota.answers)) phiếu / \
                cần \(Format.count(quota.lowerBound))–\(Format.count(quota.upperBound))\(uncounted)</span>
                """
        },
        jsonValue: { .text($0.quotaStatus.rawValue) },
        total: { .text($0.statusText) }
    ) { .text($0.quotaStatus.label) }

    /// SIPAS satisfied share, from the option counters (`CampaignFigures.tallies`); "–" before any answer.
    package static let satisfaction = UnitFigure(
        "satisfaction", title: "Tỷ lệ hài lòng", heading: "Hài lòng", on: [.dashboard, .print, .export, .api],
        json: "satisfied_share", order: .descending { $0.satisfiedShare ?? -1 },
        html: { unit in
            let open = unit.flaggedOpen
            let note: HTML =
                open > 0
                ? " <span class=\"note\">(gồm \(Format.count(open)) phiếu bị gắn cờ chưa xác nhận)</span>" : .empty
            return "\(Format.percent(unit.satisfiedShare))\(note)"
        },
        total: { .percentage($0.satisfiedShare) }, totalHTML: { "\(Format.percent($0.satisfiedShare))" }
    ) { .percentage($0.satisfiedShare) }

    /// Answers carrying a flag (open or confirmed), with the reasons still open in Vietnamese; the open ones are
    /// still counted in every figure, the confirmed ones no longer.
    package static let flagged = UnitFigure(
        "flagged", title: "Phiếu bị gắn cờ", heading: "Gắn cờ", sql: "flagged", on: [.dashboard, .export, .api],
        json: "flagged", order: .descending { $0.flagged },
        html: { flaggedCell($0) }
    ) { .integer($0.flagged) }

    package static let flaggedConfirmed = UnitFigure(
        "flagged_confirmed", title: "Phiếu gắn cờ đã xác nhận (không tính)", sql: "flagged_confirmed",
        on: [.export, .api], json: "flagged_confirmed"
    ) { .integer($0.flaggedConfirmed) }

    package static let reportsOnTime = UnitFigure(
        "ontime", title: "Báo cáo đúng giờ", sql: "on_time_reports", on: [.dashboard, .print, .export, .api],
        json: "reports_on_time", order: .descending { $0.reportsOnTime },
        html: { reportsCell($0.reportsOnTime, late: $0.lateReports) },
        total: { .integer($0.reportsOnTime) }, totalHTML: { reportsCell($0.reportsOnTime, late: $0.lateReports) }
    ) { .integer($0.reportsOnTime) }

    /// Reported days minus those on time.
    package static let lateReports = UnitFigure(
        "late", title: "Báo cáo muộn", on: [.export]
    ) { .integer($0.lateReports) }

    package static let lastReportDate = UnitFigure(
        "last_report", title: "Ngày báo cáo gần nhất", sql: "last_report_date", on: [.export]
    ) { .date($0.lastReportDate) }

    package static let reportedToday = UnitFigure(
        "today", title: "Báo cáo hôm nay", heading: "Hôm nay", sql: "report_today", on: [.dashboard, .export]
    ) { .text($0.reportedToday.label) }

    package static let suggestionsWaiting = UnitFigure(
        "suggestions", title: "Góp ý chờ xử lý", heading: "Góp ý chờ", sql: "suggestions_waiting",
        on: [.dashboard, .export]
    ) { .integer($0.suggestionsWaiting) }

    /// "18 (hôm nay 5)", for a unit and for a group of units alike.
    package static func answersCell(_ answers: Int, today: Int) -> HTML {
        "\(Format.count(answers)) <span class=\"note\">(hôm nay \(Format.count(today)))</span>"
    }

    /// "5 (2 đã xác nhận) · dồn dập từ một mạng, trả lời quá nhanh"; "0" when nothing is flagged.
    package static func flaggedCell(_ unit: CommuneSummary) -> HTML {
        guard unit.flagged > 0 else { return "0" }
        let confirmed: HTML =
            unit.flaggedConfirmed > 0 ? " (\(Format.count(unit.flaggedConfirmed)) đã xác nhận)" : .empty
        let reasons: HTML =
            unit.flagReasons.isEmpty
            ? .empty : " <span class=\"note\">· \(unit.flagReasons.map(\.label).joined(separator: ", "))</span>"
        return "\(Format.count(unit.flagged))\(confirmed)\(reasons)"
    }

    /// "3 (+1 muộn)": reports on time, and the late ones when there are any.
    package static func reportsCell(_ onTime: Int, late: Int) -> HTML {
        "\(Format.count(onTime))\(late > 0 ? " (+\(Format.count(late)) muộn)" : "")"
    }

    /// Over quota first (answers beyond what the visitors allow: to check), then short, then not reported, then met.
    package static func attentionRank(_ status: QuotaStatus) -> Int {
        switch status {
        case .over: 0
        case .short: 1
        case .notReported: 2
        case .met: 3
        }
    }
}
