/// Whether a unit has filed today's report, as the dashboards colour it.
public enum ReportedToday: String, Sendable, Hashable, CaseIterable {
    case onTime = "dung_gio"
    case late = "muon"
    case missing = "chua_bao_cao"

    public var label: String {
        switch self {
        case .onTime: "Đã báo cáo đúng giờ"
        case .late: "Báo cáo muộn"
        case .missing: "Chưa báo cáo"
        }
    }

    public var hasReport: Bool { self != .missing }
}
