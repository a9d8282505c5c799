import Database
import Survey
import Testing

@testable import App
@testable import Store

/// The per-unit figures are declared once (`UnitFigure.all`); these checks keep the declarations consistent with
/// the SQL they name and with the outputs generated from them.
@Suite struct UnitFigureTests {
    @Test func idsAndKeysAreUniqueAndPlain() {
        let ids = UnitFigure.all.map(\.id)
        #expect(Set(ids).count == ids.count, "\(ids)")
        let keys = APICommuneItem.figures.map(\.key)
        #expect(Set(keys).count == keys.count)
        #expect(keys == keys.sorted())
        let plain = Set("abcdefghijklmnopqrstuvwxyz_")
        #expect(keys.allSatisfy { !$0.isEmpty && $0.allSatisfy(plain.contains) }, "keys are written without escaping")
        #expect(UnitFigure.all.allSatisfy { !$0.outputs.isEmpty && !$0.title.isEmpty && !$0.heading.isEmpty })
    }

    /// Every alias a figure names is a column of the per-unit query, at every scope.
    @Test func sqlAliasesAreColumnsOfTheUnitsQuery() throws {
        let fixture = try DashboardSummaryTests.makeDataSet()
        let unitID = try fixture.unitID("07201")
        let districtID = try fixture.unitID("213")
        let scopes: [(CampaignFigures.Scope, Int64?)] = [
            (.campaign, nil), (.district(districtID), districtID),
            (.unit(unitID), unitID),
        ]
        for (scope, id) in scopes {
            var arguments: [String: any DatabaseValueConvertible] = [
                "campaign": fixture.campaignID,
                "today": ReportFixture.today.iso,
            ]
            if let id { arguments["scope"] = id }
            let rows = try fixture.connection.query(CampaignFigures.unitsSQL(scope), named: arguments)
            let row = try #require(rows.first)
            for figure in UnitFigure.all {
                guard let alias = figure.sqlAlias else { continue }
                #expect(row.columnNames.contains(alias), "\(figure.id): no column \(alias) in \(row.columnNames)")
            }
        }
    }

    @Test func sortValuesComeFromTheFigures() {
        let values = ["code", "name", "answers", "visitors", "status", "satisfaction", "ontime"]
        #expect(values.allSatisfy { UnitSort(rawValue: $0) != nil }, "the dashboard's ?sort= values keep working")
        #expect(UnitSort.all.map(\.rawValue).filter(values.contains) == values, "in column order")
        #expect(UnitSort(rawValue: "today") == nil, "a figure without an order does not sort")
        #expect(UnitSort(rawValue: "nonsense") == nil)
        #expect(UnitSort(rawValue: UnitSort.code.rawValue) == .code)
        #expect(UnitSort(rawValue: UnitSort.status.rawValue) == .status)
    }

    @Test func sortingFollowsEachFigureThenTheCode() {
        func unit(
            _ code: String, _ name: String, answers: Int, visitors: Int, reported: Bool, share: Double?,
            onTime: Int
        ) -> CommuneSummary {
            APICommuneListTests.unit(
                code: code, name: name, district: "213", answers: answers, visitors: visitors,
                reported: reported, share: share, onTime: onTime)
        }
        let units = [
            unit("07207", "Phường Ngô Quyền", answers: 4, visitors: 0, reported: false, share: 1, onTime: 0),
            unit("07201", "Phường Thọ Xương", answers: 18, visitors: 28, reported: true, share: 0.9, onTime: 3),
            unit("07243", "Xã Đồng Tiến", answers: 6, visitors: 2, reported: true, share: nil, onTime: 1),
            unit("07204", "Phường ngô Quyền", answers: 4, visitors: 40, reported: true, share: 0.5, onTime: 0),
        ]
        func codes(_ sort: String) -> [String] {
            UnitTablePage.sorted(units, by: UnitSort(rawValue: sort) ?? .code).map(\.code)
        }
        #expect(codes("code") == ["07201", "07204", "07207", "07243"])
        #expect(codes("name") == ["07207", "07204", "07201", "07243"], "folded first, then as written")
        #expect(codes("answers") == ["07201", "07243", "07204", "07207"], "largest first, ties by code")
        #expect(codes("visitors") == ["07204", "07201", "07243", "07207"])
        #expect(codes("status") == ["07243", "07204", "07207", "07201"], "over, short, not reported, met")
        #expect(codes("satisfaction") == ["07207", "07201", "07204", "07243"], "no answers last")
        #expect(codes("ontime") == ["07201", "07243", "07204", "07207"])
    }

    /// The tables are the list: headers in declaration order, district columns only where there are districts.
    @Test func tablesAreGeneratedFromTheList() throws {
        #expect(
            UnitFigure.columns(for: .dashboard, withDistricts: true).map(\.heading)
                == [
                    "Mã", "Đơn vị", "Huyện", "Tổng phiếu", "Khách (V)", "Chỉ tiêu", "Hài lòng", "Gắn cờ",
                    "Báo cáo đúng giờ", "Hôm nay", "Góp ý chờ",
                ])
        #expect(
            UnitFigure.columns(for: .dashboard, withDistricts: false).map(\.id)
                == [
                    "code", "name", "answers", "visitors", "status", "satisfaction", "flagged", "ontime", "today",
                    "suggestions",
                ])
        let unit = APICommuneListTests.unit(
            code: "07243", name: "Xã <Đồng> Tiến", district: nil, answers: 6,
            visitors: 2, reported: true, share: 5.0 / 6, onTime: 1, late: 2)
        let table = SummaryTables.communes([unit])
        #expect(table.header == UnitFigure.columns(for: .export, withDistricts: false).map(\.title))
        #expect(!table.header.contains("Mã huyện"), "no district columns without districts")
        #expect(
            table.rows == [
                [
                    .text("07243"), .text("Xã <Đồng> Tiến"), .integer(6), .integer(2), .integer(6),
                    .integer(0), .integer(2), .text("vượt"), .percentage(5.0 / 6), .integer(0), .integer(0),
                    .integer(1),
                    .integer(2), .empty, .text("Đã báo cáo đúng giờ"), .integer(0),
                ]
            ])
        let row = UnitFigure.tableRow(unit, columns: UnitFigure.columns(for: .dashboard, withDistricts: false))
        #expect(
            row.rendered == """
                <tr class="s-vuot"><td>07243</td><td>Xã &lt;Đồng&gt; Tiến</td>\
                <td>6 <span class="note">(hôm nay 2)</span></td><td>2</td>\
                <td><strong>vượt</strong> <span class="note">6 phiếu / cần 1–3</span></td><td>83,3%</td><td>0</td>\
                <td>1 (+2 muộn)</td><td>Đã báo cáo đúng giờ</td><td>0</td></tr>
                """)
    }
}
