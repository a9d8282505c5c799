/// The periods of a unit's QCDC reports to the level above, and when each is due: the six-month report by 15 June,
/// the annual one by 15 December of the same year (the programme's reporting calendar).
public enum ReportPeriod: String, Sendable, Hashable, CaseIterable {
    case sixMonth = "sau_thang"
    case annual = "ca_nam"

    public var label: String {
        switch self {
        case .sixMonth: "Báo cáo 6 tháng"
        case .annual: "Báo cáo năm"
        }
    }

    public func due(year: Int) -> LocalDate? {
        switch self {
        case .sixMonth: LocalDate(year: year, month: 6, day: 15)
        case .annual: LocalDate(year: year, month: 12, day: 15)
        }
    }
}
