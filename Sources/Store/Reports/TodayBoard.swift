import Survey

/// Who has filed today's one daily report, across every open campaign covering today (migration 0011: a unit
/// files once a day, counted by each of them): the rows of a scope, the campaigns that count them, and the window
/// they give the day. Read by `TodayBoardStore`; `/admin/today` shows it.
public struct TodayBoard: Sendable {
    /// Where a unit stands today, as the board colours it.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case onTime = "dung_gio"
        case late = "muon"
        /// No report yet, and the unit's window has not opened: nothing is missing so far.
        case notYetOpen = "chua_den_gio"
        /// No report, and the window is open or over.
        case missing = "chua_bao_cao"

        public var label: String {
            switch self {
            case .onTime: "Đã báo cáo đúng giờ"
            case .late: "Báo cáo muộn"
            case .notYetOpen: "Chưa đến giờ báo cáo"
            case .missing: "Chưa báo cáo"
            }
        }

        public var hasReport: Bool { self == .onTime || self == .late }
    }

    /// The current report of today, as the board shows it.
    public struct Filing: Sendable, Hashable {
        public let submittedAt: Int64
        public let version: Int
        public let onTime: Bool

        /// "16:45": the local time of the current version.
        public var timeText: String { String(VietnamTime.clockText(at: submittedAt).prefix(5)) }
    }

    public struct Row: Sendable, Hashable {
        public let unitID: Int64
        public let code: String
        public let name: String
        public let level: String
        /// The district the unit belongs to (itself for a district's desk); nil where the set has no districts.
        public let districtCode: String?
        public let districtName: String?
        /// The open campaigns covering the unit today, by id.
        public let campaigns: [CampaignRecord]
        /// From the earliest start to the latest end of their windows (`ReportingCampaign.window(of:)`).
        public let window: ReportingWindow?
        public let filing: Filing?
        public let status: Status
    }

    /// Today's counts of one district, for the province's roll-up.
    public struct DistrictCount: Sendable, Hashable {
        public let code: String
        public let name: String
        public var counts: [Status: Int]
        public var units: Int { counts.values.reduce(0, +) }
    }

    public let date: LocalDate
    public let now: Int64
    /// The units of the scope that at least one open campaign covering today includes: a district's desk first,
    /// then by code.
    public let rows: [Row]
    /// Every open campaign counting at least one of them, by id.
    public let campaigns: [CampaignRecord]
    /// The window of the day over all of them; nil when no open campaign covers the scope today.
    public let window: ReportingWindow?

    /// Each status with its count (every status present, zero included).
    public var counts: [Status: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, 0) })
        for row in rows { counts[row.status, default: 0] += 1 }
        return counts
    }

    /// Before the earliest window of the day opens: the board says so instead of listing anyone as missing.
    public var beforeWindow: Bool {
        guard let window, case .before = window.position(at: now) else { return false }
        return true
    }

    /// Those without a report today (before the window too: a reminder ahead of time is still useful).
    public var reminders: ReminderList {
        ReminderList(
            date: date,
            entries: rows.filter { !$0.status.hasReport }.map { ReminderList.Entry(code: $0.code, name: $0.name) })
    }

    /// Per district, by code; units outside any district are left out (the two-level map has no roll-up).
    public var districts: [DistrictCount] {
        var byCode: [String: DistrictCount] = [:]
        for row in rows {
            guard let code = row.districtCode else { continue }
            byCode[code, default: DistrictCount(code: code, name: row.districtName ?? code, counts: [:])]
                .counts[row.status, default: 0] += 1
        }
        return byCode.keys.sorted().compactMap { byCode[$0] }
    }

    /// Where a unit without a report stands at `now` in its own window.
    package static func status(filing: Filing?, window: ReportingWindow?, now: Int64) -> Status {
        if let filing { return filing.onTime ? .onTime : .late }
        if let window, case .before = window.position(at: now) { return .notYetOpen }
        return .missing
    }
}

extension ReminderList {
    /// One unit per line with its code ("Phường Thọ Xương (07201)"), under the same heading as `text`: the
    /// codes tell apart communes of the same name in a message.
    public var textWithCodes: String {
        guard !entries.isEmpty else { return text }
        return
            (["Chưa báo cáo ngày \(date.vietnamese) (\(entries.count) đơn vị):"]
            + entries.map { "\($0.name) (\($0.code))" }).joined(separator: "\n")
    }
}
