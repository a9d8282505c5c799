import Store
import Survey

/// One unit of `GET /api/v1/today`: a row of the today board. `status` is "dung_gio", "muon", "chua_den_gio" (no
/// report and the unit's window has not opened) or "chua_bao_cao"; `filed_at` the current version's time (Hanoi,
/// with its offset) and `versions` how many times it was filed, both `null` without a report; `campaigns` the ids
/// of the open campaigns counting the unit today; `window` the unit's reporting window of the day ("HH:mm", from
/// the earliest start to the latest end of those campaigns).
struct APITodayUnit: Encodable, Sendable {
    struct Window: Encodable, Sendable {
        let opens: String
        let closes: String

        init(_ window: ReportingWindow) {
            opens = Self.clock(window.startMinute)
            closes = Self.clock(window.endMinute)
        }

        /// "16:30" from minutes after midnight.
        static func clock(_ minutes: Int) -> String {
            func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return "\(pad(minutes / 60)):\(pad(minutes % 60))"
        }
    }

    let date: String
    let code: String
    let name: String
    let level: String
    @Nullable var district: String?
    let status: String
    @Nullable var filedAt: String?
    @Nullable var versions: Int?
    let campaigns: [Int64]
    @Nullable var window: Window?

    init(_ row: TodayBoard.Row, date: LocalDate) {
        self.date = date.iso
        code = row.code
        name = row.name
        level = row.level
        district = row.districtCode
        status = row.status.rawValue
        filedAt = row.filing.map { VietnamTime.timestampText(at: $0.submittedAt) }
        versions = row.filing?.version
        campaigns = row.campaigns.map(\.id)
        window = row.window.map(Window.init)
    }
}
