import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Issue 15: a commune files its six-month and annual reports to its district (a document and the figures the
/// field table defines); the district sees who has not filed, overdue after the due day; the province sees its
/// districts.
@Suite struct PeriodicReportTests {
    static let figures: [(String, String)] = [
        ("phieu_thu_duoc", "1.250"), ("buoi_tuyen_truyen", "12"), ("kien_nghi_tiep_nhan", "9"),
        ("kien_nghi_giai_quyet", "7"),
    ]

    func file(_ app: TestApp, _ browser: Browser, period: String, figures: [(String, String)], bytes: [UInt8])
        async -> HTTPResponse
    {
        var body = MultipartBody()
        body.fields = [("csrf", browser.csrf), ("period", period)] + figures
        body.file = ("file", "bao-cao.pdf", "application/pdf", bytes)
        return await app.send(
            .post, SiteRoute.periodicReports.path, body: body.bytes,
            headers: [("Content-Type", body.contentType), browser.cookieHeader])
    }

    @Test func dueDatesAreMidJuneAndMidDecember() {
        #expect(ReportPeriod.sixMonth.due(year: 2026) == LocalDate(iso: "2026-06-15"))
        #expect(ReportPeriod.annual.due(year: 2026) == LocalDate(iso: "2026-12-15"))
    }

    @Test func aCommuneFilesAndTheDistrictSeesWhoHasNotFiled() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let commune = try await app.signIn("xa07201")
        let district = try await app.signIn("huyen213")
        let year = app.clock.today.year
        // A figure that is not a number is refused; so is a file that is not a document.
        var wrong = Self.figures
        wrong[1] = ("buoi_tuyen_truyen", "mười hai")
        let refused = await file(app, commune, period: "sau_thang", figures: wrong, bytes: TestApp.pdfBytes)
        #expect(refused.status == .unprocessableContent)
        #expect(refused.document.text.contains("Số buổi tuyên truyền, hội nghị"))
        let html = await file(app, commune, period: "sau_thang", figures: Self.figures, bytes: Array("<html>".utf8))
        #expect(html.status == .unsupportedMediaType)
        let filed = await file(app, commune, period: "sau_thang", figures: Self.figures, bytes: TestApp.pdfBytes)
        #expect(filed.status == .seeOther)

        let reports = try await app.pool.read { connection in
            let unit = try #require(try UnitStore(connection).resolve(code: "07201", on: app.clock.today))
            return try PeriodicReportStore(connection).reports(unitIDs: [unit.id], year: year)[unit.id] ?? [:]
        }
        let report = try #require(reports[.sixMonth])
        #expect(
            report.values == [
                "phieu_thu_duoc": 1250, "buoi_tuyen_truyen": 12, "kien_nghi_tiep_nhan": 9,
                "kien_nghi_giai_quyet": 7,
            ])
        #expect(reports[.annual] == nil)

        let page = await app.get(SiteRoute.periodicReports.path, as: district)
        #expect(page.status == .ok)
        let text = page.document.text
        let communes = try await app.pool.read { connection in
            let unit = try #require(try UnitStore(connection).resolve(code: "213", on: app.clock.today))
            return try UnitStore(connection).communes(inSet: unit.unitSetID, district: unit.id)
        }
        let name = try #require(communes.first { $0.code == "07201" }).name
        // The demo clock is in June 2024: the six-month report is still due, the others pending.
        #expect(text.contains("Báo cáo 6 tháng: \(communes.count - 1) xã chưa nộp"))
        #expect(text.contains("Báo cáo năm: \(communes.count) xã chưa nộp"))
        let sixMonth = try #require(page.document.elements(tag: "li").first { $0.text.hasPrefix("Báo cáo 6 tháng:") })
        #expect(!sixMonth.text.contains(name), "the commune that filed is not in the list of those missing")
        let annual = try #require(page.document.elements(tag: "li").first { $0.text.hasPrefix("Báo cáo năm:") })
        #expect(annual.text.contains(name))
        #expect(page.text.contains(SiteRoute.periodicReportDocument(report: report.id).path))
        let download = await app.get(SiteRoute.periodicReportDocument(report: report.id).path, as: district)
        #expect(download.status == .ok)
        #expect(download.body == TestApp.pdfBytes)
        #expect(download.headers["X-Content-Type-Options"] == "nosniff")
        let huyen215 = try await app.signIn("huyen215")
        #expect(
            await app.get(SiteRoute.periodicReportDocument(report: report.id).path, as: huyen215).status == .forbidden)

        // The province sees its districts, none filed.
        let province = try await app.signIn("tinh24")
        let provincePage = await app.get(SiteRoute.periodicReports.path, as: province)
        #expect(provincePage.document.text.contains("huyện chưa nộp"))
        await app.close()
    }

    @Test func overdueOnceTheDueDayHasPassed() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let year = app.clock.today.year - 1
        let page = await app.get(SiteRoute.periodicReports.href([("year", String(year))]), as: district)
        #expect(page.document.text.contains("chưa nộp (đã quá hạn)"))
        #expect(page.document.text.contains("Quá hạn, chưa nộp"))
        await app.close()
    }
}
