import Database
import Survey
import Testing

@testable import App
@testable import Store
@testable import Survey

/// The printable report: units grouped by district with each district's desk inside its group, subtotals and a
/// total that are the sums (satisfaction pooled), the chart before the table, the place-and-date line and the
/// signatures; each role sees only its own units.
@Suite struct ExportPrintTests {
    // MARK: The model, without a database

    static func unit(
        _ code: String, district: String?, level: String = "commune", answers: Int, visitors: Int,
        onTime: Int = 0, late: Int = 0, share: Double? = nil
    ) -> CommuneSummary {
        CommuneSummary(
            unitID: Int64(code) ?? 0, code: code, name: "Đơn vị \(code)", level: level, districtCode: district,
            districtName: district.map { "Huyện \($0)" }, answers: answers, answersToday: answers / 2,
            answersOnReportedDays: answers, answersOnUnreportedDays: 0, visitors: visitors, headcount: nil,
            quota: QuotaCheck(
                rule: .standard, basis: .visitors, answers: answers, base: visitors, uncountedAnswers: 0,
                hasReport: visitors > 0),
            satisfiedShare: share, reportsOnTime: onTime, lateReports: late, lastReportDate: nil,
            reportedToday: .missing, suggestionsWaiting: 0)
    }

    /// One evaluative question: `positive` of `valid` answers were positive.
    static func tally(_ positive: Int, of valid: Int) -> SatisfactionTally {
        var tally = SatisfactionTally(questions: 1)
        tally.add(positive, at: SatisfactionLayout.Place(option: 0, question: 0, positive: true))
        tally.add(valid - positive, at: SatisfactionLayout.Place(option: 1, question: 0, positive: false))
        return tally
    }

    @Test func groupsInDistrictOrderWithTheDeskFirst() {
        let units = [
            Self.unit("07243", district: "215", answers: 5, visitors: 4),
            Self.unit("07204", district: "213", answers: 3, visitors: 2),
            Self.unit("215", district: "215", level: "district", answers: 1, visitors: 1),
            Self.unit("07201", district: "213", answers: 2, visitors: 1),
            Self.unit("213", district: "213", level: "district", answers: 4, visitors: 3),
            Self.unit("99001", district: nil, answers: 6, visitors: 0),
        ]
        let report = PrintReport(units, tallies: [:], emptyTally: nil)
        #expect(report.isGrouped)
        #expect(report.groups.map(\.districtCode) == ["213", "215", nil], "by code, units without a district last")
        #expect(
            report.groups.map { $0.units.map(\.code) } == [["213", "07201", "07204"], ["215", "07243"], ["99001"]])
        #expect(report.groups[0].districtName == "Huyện 213")
        #expect(report.units.count == units.count, "every unit once")

        let district = PrintReport(
            Array(units.prefix(5)).filter { $0.districtCode == "213" }, tallies: [:], emptyTally: nil)
        #expect(!district.isGrouped, "one district is a plain list under its total")
        #expect(district.units.map(\.code) == ["213", "07201", "07204"])
        #expect(PrintReport([], tallies: [:], emptyTally: nil).groups.isEmpty)
    }

    @Test func subtotalsAndTotalAreTheSumsWithPooledSatisfaction() {
        // 07201: 9 of 10 satisfied (90%); 07204: 1 of 2 (50%). Pooled 10 of 12 = 83.3%, not the mean 70%.
        let units = [
            Self.unit("07201", district: "213", answers: 10, visitors: 10, onTime: 3, late: 1, share: 0.9),
            Self.unit("07204", district: "213", answers: 2, visitors: 0, onTime: 0, share: 0.5),
            Self.unit("213", district: "213", level: "district", answers: 0, visitors: 5, onTime: 2),
            Self.unit("07243", district: "215", answers: 30, visitors: 10, onTime: 4, late: 2, share: 0.6),
        ]
        let tallies: [Int64: SatisfactionTally] = [
            7201: Self.tally(9, of: 10), 7204: Self.tally(1, of: 2), 7243: Self.tally(3, of: 5),
        ]
        let report = PrintReport(units, tallies: tallies, emptyTally: SatisfactionTally(questions: 1))
        let city = report.groups[0].subtotal
        #expect(city.units == 3)
        #expect(city.answers == 12 && city.answersToday == 6 && city.visitors == 15)
        #expect(city.reportsOnTime == 5 && city.lateReports == 1)
        // 07201 met (10 of 5–15), 07204 not reported (no visitors), the desk short (0 of 3–7).
        #expect(city.statusCounts == [.notReported: 1, .short: 1, .met: 1, .over: 0])
        #expect(city.statusText == "chưa báo cáo 1 · thiếu 1 · đạt 1", "statuses no unit has are left out")
        #expect(abs((city.satisfiedShare ?? 0) - 10.0 / 12) < 1e-12, "pooled, not (0.9 + 0.5) / 2")
        let total = report.total
        #expect(total.units == 4 && total.answers == 42 && total.visitors == 25)
        #expect(total.reportsOnTime == 9 && total.lateReports == 3)
        #expect(total.statusCounts == [.notReported: 1, .short: 1, .met: 1, .over: 1], "07243: 30 of 5–15")
        #expect(abs((total.satisfiedShare ?? 0) - 13.0 / 17) < 1e-12)
        for key in [\UnitTotal.answers, \.visitors, \.reportsOnTime, \.lateReports, \.units] {
            #expect(report.groups.map { $0.subtotal[keyPath: key] }.reduce(0, +) == total[keyPath: key])
        }
        #expect(UnitTotal([], tallies: [:], emptyTally: SatisfactionTally(questions: 1)).satisfiedShare == nil)
        #expect(UnitTotal(units, tallies: tallies, emptyTally: nil).satisfiedShare == nil, "no evaluative question")
    }

    @Test func totalRowsSitUnderTheirColumns() {
        let columns = UnitFigure.columns(for: .print, withDistricts: false)
        #expect(
            columns.map(\.heading) == [
                "Mã", "Đơn vị", "Tổng phiếu", "Khách (V)", "Chỉ tiêu", "Hài lòng", "Báo cáo đúng giờ",
            ])
        let total = UnitTotal(
            [
                Self.unit("07201", district: nil, answers: 3_321, visitors: 4_000, onTime: 1_200, late: 3),
                Self.unit("07204", district: nil, answers: 0, visitors: 0),
            ], tallies: [7201: Self.tally(7, of: 8)], emptyTally: SatisfactionTally(questions: 1))
        let row = UnitFigure.totalRow(label: "Cộng <Huyện>", total, columns: columns, class: "subtotal")
        #expect(
            row.rendered == """
                <tr class="subtotal"><td></td><th scope="row">Cộng &lt;Huyện&gt;</th>\
                <td>3.321 <span class="note">(hôm nay 1.660)</span></td><td>4.000</td><td>chưa báo cáo 1 · đạt 1</td>\
                <td>87,5%</td><td>1.200 (+3 muộn)</td></tr>
                """)
        #expect(PrintReportPage.isWide(columns), "seven columns print on landscape A4")
        #expect(!PrintReportPage.isWide(Array(columns.prefix(PrintReportPage.portraitColumns))))
    }

    @Test func placeAndDateAsAdministrativeDocumentsWriteThem() {
        let day = LocalDate(iso: "2026-12-02")!
        #expect(PlaceDateLine.text(place: "Tỉnh Bắc Giang", date: day) == "Bắc Giang, ngày 02 tháng 12 năm 2026")
        #expect(PlaceDateLine.text(place: "Huyện Yên Thế", date: day) == "Yên Thế, ngày 02 tháng 12 năm 2026")
        #expect(PlaceDateLine.place("Thành phố Bắc Giang") == "Bắc Giang")
        #expect(PlaceDateLine.place("Thị xã Việt Yên") == "Việt Yên")
        #expect(PlaceDateLine.place("Quận 1") == "Quận 1", "a number keeps its kind")
        #expect(PlaceDateLine.place("Phường 12") == "Phường 12")
        #expect(PlaceDateLine.place("Nam Đàn") == "Nam Đàn")
        #expect(PlaceDateLine.vietnamese(LocalDate(iso: "2027-01-05")!) == "ngày 05 tháng 01 năm 2027")
        #expect(PlaceDateLine.vietnamese(LocalDate(iso: "2027-02-28")!) == "ngày 28 tháng 02 năm 2027")
        #expect(PlaceDateLine.vietnamese(LocalDate(iso: "2027-03-10")!) == "ngày 10 tháng 3 năm 2027")
    }

    // MARK: The page, through the router

    /// A PKS05 campaign (version 1) over two districts' desks and three communes, with answers, visitors and
    /// satisfaction counters: 07201 9 of 10 satisfied, 07204 1 of 2, 07243 3 of 5.
    static func campaign(_ app: TestApp) async throws -> Int64 {
        let today = app.clock.today
        return try await app.pool.write { connection in
            var new = NewCampaign(
                formCode: "PKS05", title: "Một cửa quý 2", startsOn: today.adding(days: -3),
                endsOn: today.adding(days: 3))
            new.scope = .units(["215", "07243", "213", "07204", "07201"])
            new.state = .open
            let id = try CampaignStore(connection).create(new, today: today, now: 0)
            // PKS05 version 1, as a campaign created before migration 0021: the pages' tests name its questions
            // ("Câu 4", "Câu 11").
            try ReportFixture.bindToSeededVersion(connection, campaign: id)
            let record = try #require(try CampaignStore(connection).campaign(id: id))
            let form = try #require(try FormStore(connection).definition(formVersionID: record.formVersionID))
            let question = try #require(form.evaluativeQuestions.first)
            let positive = try #require(question.options.first { $0.polarity == .positive }).id
            let negative = try #require(question.options.first { $0.polarity == .negative }).id
            let figures: [(String, Int, [Int64: Int])] = [
                ("07201", 10, [positive: 9, negative: 1]), ("07204", 2, [positive: 1, negative: 1]),
                ("213", 4, [:]), ("07243", 5, [positive: 3, negative: 2]), ("215", 1, [:]),
            ]
            for (code, answers, options) in figures {
                let unit = try #require(
                    try connection.scalar("SELECT id FROM units WHERE code = ?", [code], as: Int64.self))
                try connection.run(
                    "INSERT INTO daily_answer_counts (campaign_id, unit_id, local_date, answers) VALUES (?, ?, ?, ?)",
                    [id, unit, today.iso, answers])
                for (option, count) in options {
                    try connection.run(
                        "INSERT INTO option_counts (campaign_id, unit_id, option_id, answers) VALUES (?, ?, ?, ?)",
                        [id, unit, option, count])
                }
            }
            return id
        }
    }

    @Test func provinceReportGroupsDistrictsWithSubtotalsAndTotal() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let id = try await Self.campaign(app)
        let page = await app.get(SiteRoute.printReport(campaign: id).path, as: try await app.signIn("tinh24"))
        #expect(page.status == .ok)
        let table = try #require(page.document.table(class: "print-table"))
        #expect(
            table.headers == ["Mã", "Đơn vị", "Tổng phiếu", "Khách (V)", "Chỉ tiêu", "Hài lòng", "Báo cáo đúng giờ"])
        #expect(
            table.rows.map { $0.texts.first ?? "" } == [
                "Thành phố Bắc Giang (213)", "213", "07201", "07204", "", "Huyện Yên Thế (215)", "215", "07243", "",
            ], "group heading, the desk, its communes by code, the subtotal; districts by code")
        #expect(table.rows.map(\.classes).filter { $0.contains("group") }.count == 2)
        let subtotals = table.rows.filter { $0.classes.contains("subtotal") }
        #expect(subtotals.map { $0["Đơn vị"] } == ["Cộng Thành phố Bắc Giang", "Cộng Huyện Yên Thế"])
        #expect(subtotals.map { $0["Tổng phiếu"] } == ["16 (hôm nay 16)", "6 (hôm nay 6)"])
        #expect(subtotals.map { $0["Hài lòng"] } == ["83,3%", "60,0%"], "pooled: 10 of 12, not (90% + 50%) / 2")
        #expect(subtotals.map { $0["Chỉ tiêu"] } == ["chưa báo cáo 3", "chưa báo cáo 2"])
        let total = try #require(table.footer.first)
        #expect(total["Đơn vị"] == "Tổng cộng toàn tỉnh")
        #expect(total["Tổng phiếu"] == "22 (hôm nay 22)", "16 + 6")
        #expect(total["Hài lòng"] == "76,5%", "13 of 17")
        #expect(total["Báo cáo đúng giờ"] == "0")
        #expect(total["Chỉ tiêu"] == "chưa báo cáo 5")

        let text = page.text
        let chart = try #require(text.range(of: "<svg"))
        let firstTable = try #require(text.range(of: "<table"))
        #expect(chart.lowerBound < firstTable.lowerBound, "the chart comes before the table")
        #expect(
            page.document.headings(2) == ["Số phiếu theo ngày", "Kết quả theo đơn vị", "Kết quả theo từng câu hỏi"])
        #expect(page.document.text(of: "p", class: "place-date") == "Bắc Giang, ngày 12 tháng 6 năm 2024")
        let signatures = try #require(page.document.elements(class: "signatures").first).text
        #expect(signatures.hasPrefix("NGƯỜI LẬP BIỂU"))
        #expect(signatures.contains("TM. BAN CHỈ ĐẠO TRƯỞNG BAN"))
        #expect(page.document.elements(class: "sign-space").count == 2, "room to sign on both sides")
        #expect(page.document.elements(class: "wide").count == 1, "a seven-column table prints landscape")
        #expect(text.range(of: "place-date")!.lowerBound > text.range(of: "</table>")!.lowerBound)
        await app.close()
    }

    @Test func districtSeesItsDeskAndCommunesUnderItsTotal() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let id = try await Self.campaign(app)
        let page = await app.get(SiteRoute.printReport(campaign: id).path, as: try await app.signIn("huyen213"))
        #expect(page.status == .ok)
        let table = try #require(page.document.table(class: "print-table"))
        #expect(table.column("Mã") == ["213", "07201", "07204"], "its desk first, then its communes; nothing of 215")
        #expect(!page.text.contains("07243") && !page.text.contains("Yên Thế"))
        #expect(page.document.elements(tag: "tr", class: "group").isEmpty, "one district needs no group heading")
        #expect(table.rows.allSatisfy { !$0.classes.contains("subtotal") })
        let total = try #require(table.footer.first)
        #expect(total["Đơn vị"] == "Tổng cộng Thành phố Bắc Giang")
        #expect(total["Tổng phiếu"] == "16 (hôm nay 16)")
        #expect(total["Hài lòng"] == "83,3%")
        #expect(page.text.contains("Tổng 16 phiếu từ"), "the chart counts the same units")
        #expect(page.document.text(of: "p", class: "place-date") == "Bắc Giang, ngày 12 tháng 6 năm 2024")

        let yenThe = await app.get(SiteRoute.printReport(campaign: id).path, as: try await app.signIn("huyen215"))
        let other = try #require(yenThe.document.table(class: "print-table"))
        #expect(other.column("Mã") == ["215", "07243"])
        #expect(other.footer.first?["Tổng phiếu"] == "6 (hôm nay 6)")
        #expect(yenThe.document.text(of: "p", class: "place-date") == "Yên Thế, ngày 12 tháng 6 năm 2024")

        let commune = await app.get(SiteRoute.printReport(campaign: id).path, as: try await app.signIn("xa07201"))
        let own = try #require(commune.document.table(class: "print-table"))
        #expect(own.column("Mã") == ["07201"])
        #expect(own.footer.isEmpty, "one unit needs no total")
        #expect(commune.document.text(of: "p", class: "place-date") == "Thọ Xương, ngày 12 tháng 6 năm 2024")
        #expect(
            await app.get(SiteRoute.printReport(campaign: id).path, as: try await app.signIn("xa07243")).status == .ok)
        await app.close()
    }
}
