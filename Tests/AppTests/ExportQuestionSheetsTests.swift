import Foundation
import Testing

@testable import App
@testable import Store

/// `export.xlsx` holds three sheets: the summary ("Tổng hợp"), "Theo câu hỏi" and "Theo đơn vị × câu hỏi", over the
/// exporting user's units. Read back with Python's zipfile and ElementTree (every CRC and part checked).
@Suite struct ExportQuestionSheetsTests {
    /// Prints `parts`, `sheets` (name=target, in workbook order) and each sheet's rows as `n|cell\tcell…`.
    static let reader = #"""
        import sys, zipfile, xml.etree.ElementTree as ET
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
              "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
              "p": "http://schemas.openxmlformats.org/package/2006/relationships",
              "t": "http://schemas.openxmlformats.org/package/2006/content-types"}
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None, "bad CRC"
        for name in z.namelist():
            ET.fromstring(z.read(name))
        types = ET.fromstring(z.read("[Content_Types].xml"))
        print("types=" + ",".join(o.get("PartName") for o in types.findall("t:Override", ns)))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).findall("p:Relationship", ns)}
        book = ET.fromstring(z.read("xl/workbook.xml"))
        sheets = book.findall("m:sheets/m:sheet", ns)
        print("sheets=" + ",".join("%s=%s" % (s.get("name"), rels[s.get("{%s}id" % ns["r"])]) for s in sheets))
        for index, s in enumerate(sheets):
            sheet = ET.fromstring(z.read("xl/" + rels[s.get("{%s}id" % ns["r"])]))
            for row in sheet.findall("m:sheetData/m:row", ns):
                cells = {}
                for c in row.findall("m:c", ns):
                    t = c.find("m:is/m:t", ns)
                    v = c.find("m:v", ns)
                    cells[c.get("r").rstrip("0123456789")] = t.text if t is not None else v.text
                def key(k): return len(k) * 100 + ord(k[-1]) if len(k) == 1 else len(k) * 100 + (ord(k[0]) - 64) * 26 + ord(k[-1])
                ordered = sorted(cells.items(), key=lambda kv: key(kv[0]))
                print("%d|%s" % (index + 1, "\t".join("%s=%s" % kv for kv in ordered)))
        """#

    @Test func districtWorkbookHasThePerQuestionSheets() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let id = try await ExportPrintTests.campaign(app)
        let response = await app.get(SiteRoute.exportXLSX(campaign: id).path, as: try await app.signIn("huyen213"))
        #expect(response.status == .ok)
        let xlsx = ExportXLSXTests()
        let (folder, file) = try xlsx.writeTemporary(response.body)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try #require(try xlsx.run("/usr/bin/env", ["python3", "-c", Self.reader, file]))
        let lines = report.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "types=/xl/workbook.xml,/xl/worksheets/sheet1.xml,/xl/worksheets/sheet2.xml,/xl/worksheets/sheet3.xml,/xl/styles.xml"
            ), "\(lines.prefix(2))")
        #expect(
            lines.contains(
                "sheets=Tổng hợp=worksheets/sheet1.xml,Theo câu hỏi=worksheets/sheet2.xml,Theo đơn vị × câu hỏi=worksheets/sheet3.xml"
            ))
        // Câu 4 over the district's desk and communes: 10 quick, 2 slow of 12 (07201 9 + 1, 07204 1 + 1).
        #expect(
            lines.contains(
                "2|A=Câu 4\tC=Thời gian chờ đợi đến lượt được tiếp nhận hồ sơ\tD=Nhanh chóng\tE=10\tF=0.833333\tG=12"))
        #expect(
            lines.contains(
                "2|A=Câu 4\tC=Thời gian chờ đợi đến lượt được tiếp nhận hồ sơ\tD=Chờ đợi rất lâu\tE=2\tF=0.166667\tG=12"
            ))
        #expect(
            lines.contains {
                $0.hasPrefix("2|A=Câu 4a\tB=Câu 4\tC=Nếu chờ đợi rất lâu, theo Anh/Chị vì sao?\tD=Đông người chờ\tE=0")
            },
            "a follow-up names its parent; nobody answered it, so no share")
        #expect(lines.contains("2|A=Tổng số phiếu\tC=Gồm 0 phiếu bị gắn cờ chưa xác nhận\tE=16"))

        let header = try #require(lines.first { $0.hasPrefix("3|A=Mã") })
        let cells = header.dropFirst(2).split(separator: "\t").map(String.init)
        let quick = try #require(cells.first { $0.hasSuffix("=Câu 4: Nhanh chóng") })
        let column = String(quick.prefix { $0 != "=" })
        func value(_ code: String) -> String? {
            lines.first { $0.hasPrefix("3|A=\(code)\t") }?.split(separator: "\t").map(String.init)
                .first { $0.hasPrefix(column + "=") }.map { String($0.dropFirst(column.count + 1)) }
        }
        #expect(value("07201") == "9")
        #expect(value("07204") == "1")
        #expect(value("213") == "0")
        #expect(!lines.contains { $0.contains("07243") }, "nothing of another district")
        await app.close()
    }
}
