import Crypto
import Foundation
import Survey
import Testing

@testable import App
@testable import Store

@Suite struct ExportXLSXTests {
    let table = TableExport(
        sheetName: "Tổng hợp: 12/06",
        header: ["Mã", "Tên đơn vị", "Số phiếu", "Tỷ lệ hài lòng", "Ngày báo cáo", "Ghi chú"],
        rows: [
            [
                .text("07207"), .text("Phường Ngô Quyền"), .integer(1234), .percentage(0.85),
                .date(LocalDate(iso: "2024-06-12")!),
                .text("<b>Đường & \"cầu\"</b>\u{0007}"),
            ],
            [.text("07282"), .text("Xã Đồng Kỳ"), .integer(0), .percentage(nil), .date(nil), .text("=1+1")],
        ])

    /// Runs a program and returns its standard output; nil when it cannot be started or fails.
    func run(_ executable: String, _ arguments: [String]) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    func writeTemporary(_ bytes: [UInt8]) throws -> (folder: String, file: String) {
        let folder = NSTemporaryDirectory() + "qcdc-xlsx-" + SecureRandom.token(byteCount: 9)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/tong-hop.xlsx"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return (folder, file)
    }

    /// Python's zipfile checks every CRC; ElementTree parses each part; the script prints what it found.
    static let inspector = #"""
        import sys, zipfile, xml.etree.ElementTree as ET
        ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None, "bad CRC"
        names = z.namelist()
        for name in names:
            ET.fromstring(z.read(name))
        print("parts=" + ",".join(sorted(names)))
        book = ET.fromstring(z.read("xl/workbook.xml"))
        print("sheet=" + book.find("m:sheets/m:sheet", ns).get("name"))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        pane = sheet.find("m:sheetViews/m:sheetView/m:pane", ns)
        print("pane=%s,%s" % (pane.get("state"), pane.get("ySplit")))
        print("cols=%d" % len(sheet.findall("m:cols/m:col", ns)))
        for row in sheet.findall("m:sheetData/m:row", ns):
            cells = []
            for c in row.findall("m:c", ns):
                t = c.find("m:is/m:t", ns)
                v = c.find("m:v", ns)
                cells.append("%s[%s]=%s" % (c.get("r"), c.get("s") or "", t.text if t is not None else v.text))
            print("row " + " | ".join(cells))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        print("bold=%d" % len(styles.findall("m:fonts/m:font/m:b", ns)))
        print("formats=" + ",".join(f.get("formatCode") for f in styles.findall("m:numFmts/m:numFmt", ns)))
        """#

    @Test func workbookHasEveryPartAndVietnameseSurvives() throws {
        let (folder, file) = try writeTemporary(try table.xlsx())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try #require(
            try run("/usr/bin/env", ["python3", "-c", Self.inspector, file]),
            "python3 reads the workbook")
        let lines = report.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "parts=[Content_Types].xml,_rels/.rels,xl/_rels/workbook.xml.rels,xl/styles.xml,xl/workbook.xml,xl/worksheets/sheet1.xml"
            ))
        #expect(lines.contains("sheet=Tổng hợp  12 06"), "':' and '/' are not allowed in sheet names")
        #expect(lines.contains("pane=frozen,1"))
        #expect(lines.contains("cols=6"))
        #expect(
            lines.contains(
                "row A1[1]=Mã | B1[1]=Tên đơn vị | C1[1]=Số phiếu | D1[1]=Tỷ lệ hài lòng | E1[1]=Ngày báo cáo | F1[1]=Ghi chú"
            ))
        #expect(
            lines.contains(
                "row A2[]=07207 | B2[]=Phường Ngô Quyền | C2[]=1234 | D2[2]=0.850000 | E2[3]=45455 | F2[]=<b>Đường & \"cầu\"</b>"
            ),
            "a control character is dropped, markup is text: \(lines)")
        #expect(
            lines.contains("row A3[]=07282 | B3[]=Xã Đồng Kỳ | C3[]=0 | F3[]==1+1"),
            "an inline string is never a formula")
        #expect(lines.contains("bold=1"))
        #expect(lines.contains("formats=0.0%,dd/mm/yyyy"))
    }

    @Test func sameTableGivesTheSameBytes() throws {
        #expect(try table.xlsx() == (try table.xlsx()))
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926, "the standard CRC-32 check value")
        #expect(TableExport.columnName(0) == "A")
        #expect(TableExport.columnName(25) == "Z")
        #expect(TableExport.columnName(26) == "AA")
        #expect(TableExport.columnName(701) == "ZZ")
        #expect(TableExport.columnName(702) == "AAA")
    }

    /// LibreOffice is a heavy package (libreoffice-calc-nogui): where it is installed, the workbook must open
    /// and convert back to the same text; elsewhere the Python check above stands.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
    func libreOfficeOpensTheWorkbook() throws {
        let (folder, file) = try writeTemporary(try table.xlsx())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let converted = try run(
            "/usr/bin/soffice",
            [
                "-env:UserInstallation=file://\(folder)/profile", "--headless", "--norestore",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder, file,
            ])
        #expect(converted != nil, "soffice converts the workbook")
        let csv = try String(contentsOfFile: folder + "/tong-hop.csv", encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        // LibreOffice quotes text cells only: the quotes show which cells stayed text and which are numbers.
        #expect(lines.first == #""Mã","Tên đơn vị","Số phiếu","Tỷ lệ hài lòng","Ngày báo cáo","Ghi chú""#)
        #expect(
            lines.dropFirst().first == #""07207","Phường Ngô Quyền",1234,85.0%,12/06/2024,"<b>Đường & ""cầu""</b>""#)
        #expect(lines.last == #""07282","Xã Đồng Kỳ",0,,,"=1+1""#, "an inline string is never evaluated")
    }
}
