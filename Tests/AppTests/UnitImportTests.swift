import Crypto
import Database
import Foundation
import Survey
import Testing

@testable import App
@testable import Store

@Suite struct UnitImportTests {
    static func seedFile(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: TestApp.repositoryRoot + "/Seeds/" + name)))
    }

    static func importFile(
        _ connection: Connection, _ name: String, effective: String,
        successors: [(old: String, new: String)] = []
    ) throws -> UnitStore.ImportOutcome {
        let bytes = try seedFile(name)
        return try UnitStore(connection).importSet(
            try UnitList(csv: bytes), effective: LocalDate(iso: effective)!,
            sourceName: name, checksum: SHA256.hex(bytes),
            successors: successors, now: 0)
    }

    @Test func bothDemoFilesImportAsDatedSets() async throws {
        let app = try await TestApp()
        try await app.pool.exclusiveWrite { connection in
            // The 2024 set came with the demo seed; importing it again changes nothing.
            guard case .unchanged = try Self.importFile(connection, "bac_giang_2024.csv", effective: "2024-01-01")
            else {
                Issue.record("re-importing the same file must change nothing")
                return
            }
            guard
                case .imported(_, let count) = try Self.importFile(
                    connection, "bac_ninh_2025.csv", effective: "2025-07-01", successors: [("07213", "07210")])
            else {
                Issue.record("the 2025 file must import")
                return
            }
            #expect(count == 100)
        }
        #expect(try await app.scalar("SELECT count(*) FROM units") == 220 + 100)
        #expect(try await app.scalar("SELECT count(*) FROM units WHERE level = 'district' AND unit_set_id = 2") == 0)

        let (before, after, successor, campaignUnitName) = try await app.pool.read { connection in
            let units = UnitStore(connection)
            let before = try units.resolve(code: "07210", on: LocalDate(iso: "2025-06-30")!)
            let after = try units.resolve(code: "07210", on: LocalDate(iso: "2025-07-01")!)
            let successor = try units.resolve(code: "07213", on: LocalDate(iso: "2025-08-01")!)
            // The demo campaign was created under the 2024 map and keeps its names.
            let name = try connection.scalar(
                """
                SELECT u.name FROM campaign_units cu JOIN units u ON u.id = cu.unit_id
                WHERE cu.campaign_id = ? AND u.code = '07210'
                """, [app.demoCampaignID], as: String.self)
            return (before, after, successor, name)
        }
        #expect(before?.name == "Phường Hoàng Văn Thụ")
        #expect(after?.name == "Phường Bắc Giang")
        #expect(successor?.code == "07210", "an old code printed on a poster lands on its successor")
        #expect(campaignUnitName == "Phường Hoàng Văn Thụ")
        await app.close()
    }

    @Test func landingResolvesInTheSetInForceToday() async throws {
        let app = try await TestApp()
        try await app.pool.exclusiveWrite { connection in
            _ = try Self.importFile(connection, "bac_ninh_2025.csv", effective: "2025-07-01")
        }
        let landing = SiteRoute.landing(unit: "07210").path
        #expect(await app.get(landing).document.headings(1) == ["Phường Hoàng Văn Thụ"], "2024-06-12: the old map")
        app.clock.set(Double(VietnamTime.instant(LocalDate(iso: "2025-07-02")!, hour: 9, minute: 0)))
        let page = await app.get(landing)
        #expect(page.document.headings(1) == ["Phường Bắc Giang"])
        let answerPrefix = SiteRoute.answer(campaign: app.demoCampaignID, unit: "").path
        #expect(
            !page.document.links.contains { $0.href.hasPrefix(answerPrefix) },
            "the 2024 campaign is over and covers the old map")
        #expect(!page.text.contains(answerPrefix))
        #expect(
            page.document.texts(of: "p", class: "lead")
                == ["Hôm nay chưa có đợt khảo sát nào đang mở tại đơn vị này."])
        await app.close()
    }

    @Test func badRowsAreRefusedWithTheirLineAndNothingIsImported() async throws {
        let cases: [(String, String)] = [
            (
                "code,name,level,kind,parent_code\n24,Tỉnh A,province,tỉnh,\n213,Huyện B,district,huyện,24\n0721,Xã C,commune,xã,213\n",
                "Dòng 4: Mã \"0721\" không hợp lệ"
            ),
            (
                "code,name,level,kind,parent_code\n24,Tỉnh A,province,tỉnh,\n07210,Xã C,commune,xã,999\n",
                "Dòng 3: Không có đơn vị cấp trên mã 999"
            ),
            (
                "code,name,level,kind,parent_code\n24,Tỉnh A,province,tỉnh,\n07210,Xã C,commune,xã,24\n07210,Xã D,commune,xã,24\n",
                "Dòng 4: Mã 07210 trùng với dòng 3"
            ),
            ("code,name,level,kind,parent_code\n24,Tỉnh A,province,tỉnh,\n07210,,commune,xã,24\n", "Dòng 3: Thiếu tên"),
            (
                "code,name,level,kind,parent_code\n24,Tỉnh A,province,tỉnh,\n07210,Xã C,village,xã,24\n",
                "Dòng 3: Cấp \"village\""
            ),
            ("code,name,level,kind\n24,Tỉnh A,province,tỉnh\n", "Thiếu cột \"parent_code\""),
            (
                "code,name,level,kind,parent_code\n24,Tỉnh A,province,tỉnh,\n07210,\"Xã C,commune,xã,24\n",
                "dấu ngoặc kép"
            ),
            ("code,name,level,kind,parent_code\n24,Tỉnh A,province,tỉnh,\n07210,Xã C,commune,xã\n", "Dòng 3: Có 4 cột"),
        ]
        for (csv, expected) in cases {
            do {
                _ = try UnitList(csv: Array(csv.utf8))
                Issue.record("should have refused: \(expected)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
        // A different file for a date that already has a set is refused and leaves the old one whole.
        let app = try await TestApp()
        await #expect(throws: UnitStore.ImportError.self) {
            try await app.pool.exclusiveWrite { connection in
                _ = try Self.importFile(connection, "bac_ninh_2025.csv", effective: "2024-01-01")
            }
        }
        #expect(try await app.scalar("SELECT count(*) FROM units") == 220)
        #expect(try await app.scalar("SELECT count(*) FROM unit_sets") == 1)
        await app.close()
    }

    @Test func csvReaderHandlesQuotesBOMAndCRLF() throws {
        let text = "\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"line\nbreak\"\r\n\r\nlast,\n"
        let records = try CSVReader().records(Array(text.utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["x, \"y\"", "line\nbreak"], ["last", ""]])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func unitSearchIgnoresDiacriticsAndCase() async throws {
        let app = try await TestApp()
        let found = try await app.pool.read { try UnitStore($0).search("ngo quyen", inSet: 1) }
        #expect(found.map(\.name).contains("Phường Ngô Quyền"))
        #expect(SearchText.fold("  Đồng   Tâm ") == "dong tam")
        await app.close()
    }
}
