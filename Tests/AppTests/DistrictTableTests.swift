import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The province's district roll-up: every column sorts both ways on the server with ties in code order, the
/// headers are links with `aria-sort` on the current one, and the province page reads summary, questions,
/// commendations and chart before the long tables.
@Suite struct DistrictTableTests {
    static func district(
        _ code: String, _ name: String, communes: Int, reported: Int, answers: Int, visitors: Int,
        short: Int, met: Int, over: Int, satisfied: Double?, meeting: Int
    ) -> DistrictSummary {
        DistrictSummary(
            code: code, name: name, communes: communes, reportedToday: reported, answers: answers,
            visitors: visitors, statusCounts: [.notReported: 0, .short: short, .met: met, .over: over],
            satisfiedShare: satisfied, communesMeetingThreshold: meeting,
            shareMeetingThreshold: communes == 0 ? nil : Double(meeting) / Double(communes))
    }

    /// Codes out of name order ("Huyện Ân Thi" folds to "huyen an thi"); answers and visitors tie between two
    /// districts; 216 has no commune (nothing to divide) and 215 no evaluative answer.
    static let districts = [
        district(
            "216", "Huyện Ân Thi", communes: 0, reported: 0, answers: 4, visitors: 20, short: 0, met: 0, over: 0,
            satisfied: 0.5, meeting: 0),
        district(
            "213", "Thành phố Bắc Giang", communes: 3, reported: 2, answers: 10, visitors: 20, short: 1, met: 1,
            over: 1, satisfied: 0.9, meeting: 2),
        district(
            "215", "Huyện Yên Thế", communes: 1, reported: 1, answers: 10, visitors: 5, short: 0, met: 0, over: 1,
            satisfied: nil, meeting: 0),
    ]

    func codes(_ column: String?, _ direction: UnitOrder.Direction = .ascending) -> [String] {
        let sort = column.map { DistrictTable.Sort(column: DistrictTable.column($0)!, direction: direction) }
        return DistrictTable.sorted(Self.districts, by: sort).map(\.code)
    }

    @Test func everyColumnSortsBothWaysWithTiesInCodeOrder() throws {
        #expect(codes(nil) == ["213", "215", "216"], "without a sort: code order")
        #expect(codes("name") == ["216", "215", "213"], "names folded: Ân before Yên before Thành")
        #expect(codes("name", .descending) == ["213", "215", "216"])
        #expect(codes("communes", .descending) == ["213", "215", "216"])
        #expect(codes("communes") == ["216", "215", "213"])
        #expect(codes("reported", .descending) == ["213", "215", "216"])
        // 213 and 215 tie on answers: the code decides, ascending both ways.
        #expect(codes("answers", .descending) == ["213", "215", "216"])
        #expect(codes("answers") == ["216", "213", "215"])
        // 213 and 216 tie on visitors.
        #expect(codes("visitors", .descending) == ["213", "216", "215"])
        #expect(codes("visitors") == ["215", "213", "216"])
        #expect(codes("short", .descending) == ["213", "215", "216"])
        #expect(codes("met") == ["215", "216", "213"])
        #expect(codes("over", .descending) == ["213", "215", "216"])
        #expect(codes("over") == ["216", "213", "215"])
        // No answer sorts below every share: last going down, first going up.
        #expect(codes("satisfaction", .descending) == ["213", "216", "215"])
        #expect(codes("satisfaction") == ["215", "216", "213"])
        // No commune: no share at all, below 0%.
        #expect(codes("threshold", .descending) == ["213", "215", "216"])
        #expect(codes("threshold") == ["216", "215", "213"])

        // The same rule for every column, both ways: keys in order, equal keys by code.
        for column in DistrictTable.columns {
            for direction in [UnitOrder.Direction.ascending, .descending] {
                let sorted = DistrictTable.sorted(Self.districts, by: .init(column: column, direction: direction))
                #expect(Set(sorted.map(\.code)) == Set(Self.districts.map(\.code)))
                for (first, second) in zip(sorted, sorted.dropFirst()) {
                    let (a, b) = (column.key(first), column.key(second))
                    if a == b {
                        #expect(first.code < second.code, "\(column.id) \(direction): tie in code order")
                    } else {
                        #expect(direction == .ascending ? a < b : a > b, "\(column.id) \(direction)")
                    }
                }
            }
        }
    }

    @Test func sortParametersParseOrFallBack() {
        #expect(DistrictTable.Sort(column: "answers", direction: nil)?.direction == .descending)
        #expect(DistrictTable.Sort(column: "answers", direction: "asc")?.direction == .ascending)
        #expect(DistrictTable.Sort(column: "name", direction: "sideways")?.direction == .ascending)
        #expect(DistrictTable.Sort(column: "bogus", direction: "asc") == nil, "an unknown column keeps code order")
        #expect(Set(DistrictTable.columns.map(\.id)).count == DistrictTable.columns.count)
    }

    /// The roll-up of a province page, read by its headers.
    func rollUp(_ page: HTTPResponse) throws -> HTMLTable {
        try #require(page.document.table(class: "districts"), "no district table: \(page.status)")
    }

    @Test func provincePageReadsTheSummaryFirstAndSortsDistrictsByLinks() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        // An over-quota commune with answers: a commendation candidate, so every section shows.
        try await DashboardTableTests().report(app, "07243", visitors: 1)
        try await DashboardTableTests().answer(app, "07243", count: 3) { $0.options.first }
        let province = try await app.signIn("tinh24")
        let base = SiteRoute.dashboard(campaign: app.demoCampaignID).path

        let page = await app.get(base, as: province)
        #expect(page.status == .ok)
        #expect(
            page.document.headings(2) == [
                "Mức hài lòng theo câu hỏi", "Đơn vị đề xuất khen thưởng", "Số phiếu theo ngày", "Theo huyện",
                "Kết quả theo từng câu hỏi", "Theo đơn vị (209)",
            ])
        #expect(page.document.elements(class: "cards").count == 1)
        let unitPath = SiteRoute.campaignUnit(campaign: app.demoCampaignID, unit: "07243").path
        let commended = page.document.elements(tag: "ol").first?.links ?? []
        #expect(commended.map(\.href) == [unitPath], "the commendation list links to the unit's page")
        let units = try #require(page.document.table(class: "units"))
        let top = try #require(units.rows.first)
        #expect(top.cell("Đơn vị")?.links.first?.href == unitPath, "names in the unit table link to their page")

        var table = try rollUp(page)
        #expect(table.headers == DistrictTable.columns.map(\.heading))
        #expect(table.headerCells.allSatisfy { $0["aria-sort"] == nil }, "code order is no column's order")
        #expect(table.headerCell("Phiếu")?.links.first?.href == base + "?dsort=answers&ddir=desc#theo-huyen")
        #expect(table.headerCell("Huyện")?.links.first?.href == base + "?dsort=name&ddir=asc#theo-huyen")
        let byCode = try #require(table.column("Huyện"))
        #expect(byCode.first == "Thành phố Bắc Giang", "213 first in code order")

        // Most answers first: Yên Thế (07243's 3 answers); the current header says so and links the other way.
        let down = await app.get(base + "?dsort=answers&ddir=desc", as: province)
        table = try rollUp(down)
        #expect(table.column("Huyện")?.first == "Huyện Yên Thế")
        #expect(table.rows.first?["Phiếu"] == "3")
        #expect(table.headerCell("Phiếu")?["aria-sort"] == "descending")
        #expect(table.headerCell("Phiếu")?.links.first?.href == base + "?dsort=answers&ddir=asc#theo-huyen")
        #expect(table.headerCell("Khách")?["aria-sort"] == nil)
        let up = await app.get(base + "?dsort=answers&ddir=asc", as: province)
        table = try rollUp(up)
        #expect(table.column("Huyện")?.last == "Huyện Yên Thế")
        #expect(table.headerCell("Phiếu")?["aria-sort"] == "ascending")
        let zeros = try #require(table.column("Phiếu")).dropLast()
        #expect(zeros.allSatisfy { $0 == "0" })
        // The unit table's links keep the district order, and the district order keeps the unit table's filters.
        let units2 = try #require(up.document.table(class: "units"))
        #expect(
            units2.headerCell("Tổng phiếu")?.links.first?.href == base + "?sort=answers&dsort=answers&ddir=asc")
        let filtered = await app.get(base + "?status=vuot&page=1", as: province)
        #expect(
            try rollUp(filtered).headerCell("Phiếu")?.links.first?.href
                == base + "?status=vuot&dsort=answers&ddir=desc#theo-huyen")
        // A stale or made-up column keeps code order.
        #expect(try rollUp(await app.get(base + "?dsort=nope", as: province)).column("Huyện") == byCode)
        await app.close()
    }
}
