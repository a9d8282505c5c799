import Store
import Survey

/// `GET /api/v1/periodic-reports`: the periodic reports page's figures for a year. `unit` is whose page it is (the
/// caller's unit, or the district the province names); `fields` the figures a filing carries, as the
/// `periodic_report_fields` table defines them; per period its due day, whether that has passed, the unit's own
/// filing (`null` for the province, which files to nobody), the units below with their status ("da_nop",
/// "nop_muon", "qua_han", "chua_nop": the page's) and filing, and `not_filed`: the codes of those below without one.
/// A filing's document is named with the console address that serves it; the API never carries the file.
struct APIPeriodicReports: Encodable, Sendable {
    struct Unit: Encodable, Sendable {
        let code: String
        let name: String
        let level: String
    }

    struct Field: Encodable, Sendable {
        let code: String
        let title: String
    }

    struct Document: Encodable, Sendable {
        let fileName: String
        let mediaType: String
        let size: Int
        let url: String
    }

    struct Filing: Encodable, Sendable {
        let id: Int64
        let filedAt: String
        let late: Bool
        /// Every field's figure by its code (a field added after the filing has none).
        let figures: [String: Int]
        let document: Document

        init(_ report: PeriodicReport) {
            id = report.id
            filedAt = VietnamTime.timestampText(at: report.filedAt)
            late = report.isLate
            figures = report.values
            document = Document(
                fileName: report.fileName, mediaType: report.mediaType, size: report.size,
                url: SiteRoute.periodicReportDocument(report: report.id).path)
        }
    }

    /// A unit's standing in one period.
    struct Standing: Encodable, Sendable {
        let code: String
        let name: String
        let status: String
        @Nullable var filing: Filing?

        init(_ unit: UnitRecord, report: PeriodicReport?, period: ReportPeriod, year: Int, today: LocalDate) {
            code = unit.code
            name = unit.name
            status = PeriodicReportsPage.state(report, period, year: year, today: today).rawValue
            filing = report.map(Filing.init)
        }
    }

    struct Period: Encodable, Sendable {
        let period: String
        let label: String
        @Nullable var due: String?
        let overdue: Bool
        @Nullable var own: Standing?
        let units: [Standing]
        let notFiled: [String]
    }

    let year: Int
    let unit: Unit
    let fields: [Field]
    let periods: [Period]

    /// `filesItself`: whether the page shows the unit's own reports (not the province's).
    init(_ content: PeriodicReportsPage.Content, year: Int, today: LocalDate, filesItself: Bool) {
        self.year = year
        unit = Unit(code: content.own.code, name: content.own.name, level: content.own.level)
        fields = content.fields.map { Field(code: $0.code, title: $0.title) }
        periods = ReportPeriod.allCases.map { period in
            let due = period.due(year: year)
            let below = content.below.map { unit in
                Standing(unit, report: content.reports[unit.id]?[period], period: period, year: year, today: today)
            }
            return Period(
                period: period.rawValue, label: period.label, due: due?.iso, overdue: due.map { today > $0 } ?? false,
                own: filesItself
                    ? Standing(
                        content.own, report: content.reports[content.own.id]?[period], period: period, year: year,
                        today: today)
                    : nil,
                units: below, notFiled: below.filter { $0.filing == nil }.map(\.code))
        }
    }
}
