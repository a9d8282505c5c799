import HTML
import HTTP
import Store
import Survey
import Web

/// Every dashboard table leaves as XLSX (the default: Excel in the Vietnamese locale splits CSV on ";") or CSV
/// (UTF-8 with BOM, "," or ";"), scoped like the page, and each export is written to the audit log. `/print` is a
/// printable report with the steering committee's header.
struct ExportRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .exportXLSX) { request, user in try await export(request, user: user, format: .xlsx) }
        routes.page(.get, .exportCSV) { request, user in
            let semicolon = (try request.query("sep")) == "semicolon"
            return try await export(request, user: user, format: semicolon ? .csv(.semicolon) : .csv(.comma))
        }
        routes.page(.get, .printReport) { request, user in try await printable(request, user: user) }
    }

    enum FileFormat {
        case xlsx
        case csv(CSVDialect)

        var fileExtension: String {
            switch self {
            case .xlsx: "xlsx"
            case .csv: "csv"
            }
        }
    }

    func export(_ request: Request, user: AuthenticatedUser, format: FileFormat) async throws -> Response {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let today = environment.clock.today
        let now = environment.clock.nowSeconds
        let cache = environment.counterCache
        // Figures are read from a snapshot, not inside the single writer's batch: at national scale they take tens
        // of milliseconds that answers waiting to be stored should not spend queued behind an export. The file
        // still leaves only once its audit entry is committed.
        let isWorkbook = if case .xlsx = format { true } else { false }
        let (units, questions) = try await environment.database.read { connection in
            let units = try context.communeSummaries(connection, today: today, cache: cache)
            // The workbook's per-question sheets count exactly the exported units (`QuestionTables`).
            let questions =
                isWorkbook
                ? try QuestionTables.load(
                    connection, campaignID: context.campaign.id, formVersionID: context.campaign.formVersionID,
                    scope: CampaignFigures.Scope(user: context.user), units: units)
                : nil
            return (units, questions)
        }
        try await environment.database.write { connection in
            try AuditLog(connection).record(
                context.user, action: .export,
                detail: "Đợt \(context.campaign.id): \(Format.count(units.count)) đơn vị", at: now)
        }
        var table = SummaryTables.communes(units)
        let body: [UInt8]
        let contentType: String
        switch format {
        case .xlsx:
            table.sheetName = "Tổng hợp"
            let sheets = [table] + (questions.map { [$0.byQuestion(), $0.byUnit()] } ?? [])
            (body, contentType) = (try TableExport.xlsx(sheets: sheets), TableExport.xlsxMediaType)
        case .csv(let dialect): (body, contentType) = (table.csv(dialect), TableExport.csvMediaType)
        }
        let name = Self.fileName(context, today: today, fileExtension: format.fileExtension)
        return Response.bytes(body, contentType: contentType)
            .settingHeader("Content-Disposition", name.contentDisposition)
            .settingHeader("Cache-Control", "no-store")
    }

    /// The file's name says the form, the campaign, whose units and the day of the figures.
    static func fileName(_ context: ConsoleContext, today: LocalDate, fileExtension: String) -> ExportFileName {
        let user = context.user
        let scope: ExportFileName.Scope =
            switch user.role {
            case .province: .province
            case .district: .district(code: user.unitCode, name: user.unitName)
            case .commune: .commune(code: user.unitCode)
            }
        let campaign = context.campaign
        return ExportFileName(
            formCode: campaign.formCode, campaignTitle: campaign.title, campaignID: campaign.id, scope: scope,
            date: today, fileExtension: fileExtension)
    }

    func printable(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let today = environment.clock.today
        let cache = environment.counterCache
        let scope = CampaignFigures.Scope(user: context.user)
        // A district's chart counts its own communes and desk, a commune's itself: the units of the table.
        let (report, days) = try await environment.database.read { connection in
            (
                try PrintReport.load(
                    connection, campaignID: context.campaign.id, today: today, scope: scope,
                    unitIDs: context.unitIDs, cache: cache),
                try ReportSummaryStore(connection).answersPerDay(
                    campaignID: context.campaign.id, scope: scope, through: today)
            )
        }
        guard let report else { throw CampaignAccessError.notFound }
        let page = PrintReportPage(
            user: context.user, campaign: context.campaign, report: report, days: days, today: today)
        return AdminPage.response(
            request, user: context.user, title: "Báo cáo – \(context.campaign.title)", banner: nil, body: page.body)
    }
}
