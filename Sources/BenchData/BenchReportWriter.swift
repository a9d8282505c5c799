import Database
import Survey

/// Daily reports for the benchmark: most units report most days, mostly inside the window; one report in ten
/// is corrected once, so `unit_daily_report_versions` holds the history DailyReportStore would have kept. A unit
/// files one report per day for every campaign (migration 0011): the first campaign to reach a unit-day writes it,
/// later ones find it filed.
struct BenchReportWriter {
    let connection: Connection
    let campaignID: Int64
    private var pending: [Report] = []
    private(set) var reports = 0
    private(set) var versions = 0

    struct Report {
        let unitID: Int64
        let day: LocalDate
        let visitors: Int
        let guided: Int
        let staff: Int
        let volunteers: Int
        let publicity: String
        let onTime: Bool
        let corrected: Bool
        let minute: Int
    }

    static let publicityCodes = ["niem_yet", "loa", "trang_tin", "mang_xa_hoi", "hoi_nghi"]

    init(connection: Connection, campaignID: Int64) {
        self.connection = connection
        self.campaignID = campaignID
    }

    mutating func add(
        unitID: Int64, day: LocalDate, answers: Int, unit: UnitTraits, plan: BenchDataPlan,
        random: inout BenchRandom
    ) {
        // Today some teams have not reported yet: the district board has someone to remind.
        let rate = day == plan.today ? unit.reportRate * 0.7 : unit.reportRate
        guard random.chance(rate) else { return }
        let visitors = max(answers, Int((Double(answers) * unit.visitorsPerAnswer).rounded()) + random.between(0, 5))
        let publicity = Self.publicityCodes.filter { _ in random.chance(0.4) }.joined(separator: ",")
        let onTime = random.chance(unit.onTimeRate)
        pending.append(
            Report(
                unitID: unitID, day: day, visitors: visitors,
                guided: answers + (visitors - answers) / 2, staff: random.between(2, 5),
                volunteers: random.between(0, 3), publicity: publicity, onTime: onTime,
                corrected: random.chance(0.1),
                minute: onTime ? random.between(990, 1019) : random.between(1020, 1300)))
    }

    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        try connection.transaction {
            let report = try connection.prepare(
                """
                INSERT INTO unit_daily_reports (unit_id, local_date, visitors, guided, staff_on_duty,
                                                volunteers, publicity, difficulties, proposals, on_time, version,
                                                first_submitted_at, submitted_at, submitted_by, late_entry_opening_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, NULL, NULL)
                ON CONFLICT (unit_id, local_date) DO NOTHING
                """)
            let version = try connection.prepare(
                """
                INSERT INTO unit_daily_report_versions (report_id, version, visitors, guided, staff_on_duty, volunteers,
                                                        publicity, difficulties, proposals, on_time, submitted_at,
                                                        submitted_by, late_entry_opening_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, NULL, NULL)
                """)
            for item in pending {
                let first = VietnamTime.instant(item.day, hour: 0, minute: 0) + Int64(item.minute * 60)
                let last = item.corrected ? first + 300 : first
                let proposals = item.unitID % 7 == 0 ? "Đề nghị bổ sung máy tính bảng cho bàn khảo sát." : ""
                let versionCount = item.corrected ? 2 : 1
                try report.bind([
                    item.unitID, item.day.iso, item.visitors, item.guided, item.staff,
                    item.volunteers, item.publicity, proposals, item.onTime, versionCount, first, last,
                ])
                try report.run()
                report.reset()
                guard connection.changes > 0 else { continue }
                let reportID = connection.lastInsertRowID
                for number in 1...versionCount {
                    // The first version of a corrected report undercounted visitors by a few.
                    let visitors = number < versionCount ? max(0, item.visitors - 3) : item.visitors
                    try version.bind([
                        reportID, number, visitors, min(item.guided, visitors), item.staff,
                        item.volunteers, item.publicity, proposals, item.onTime,
                        number == 1 ? first : last,
                    ])
                    try version.run()
                    version.reset()
                    versions += 1
                }
                reports += 1
            }
        }
        pending.removeAll()
    }
}
