import Foundation
import Survey
import Testing

@testable import App
@testable import Store

@Suite struct ExportCSVTests {
    let table = TableExport(
        sheetName: "Tổng hợp",
        header: ["Mã", "Tên đơn vị", "Số phiếu", "Tỷ lệ hài lòng", "Điểm", "Ngày báo cáo"],
        rows: [
            [
                .text("07207"), .text("Phường Ngô Quyền"), .integer(1234), .percentage(0.8532),
                .decimal(4.25, digits: 2),
                .date(LocalDate(iso: "2024-06-12")!),
            ],
            [
                .text("07204"), .text("Xã \"Trần\", Nguyên Hãn"), .integer(-3), .percentage(nil),
                .decimal(-0.004, digits: 2),
                .date(nil),
            ],
        ])

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes.dropFirst(3), as: UTF8.self) }

    @Test func commaDialectHasBOMQuotingAndCRLF() {
        let bytes = table.csv()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(
            text(bytes) == """
                Mã,Tên đơn vị,Số phiếu,Tỷ lệ hài lòng,Điểm,Ngày báo cáo\r
                07207,Phường Ngô Quyền,1234,85.3%,4.25,2024-06-12\r
                07204,"Xã ""Trần"", Nguyên Hãn",-3,,0.00,\r

                """)
    }

    @Test func semicolonDialectForVietnameseExcel() {
        let bytes = table.csv(.semicolon)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(
            text(bytes) == """
                Mã;Tên đơn vị;Số phiếu;Tỷ lệ hài lòng;Điểm;Ngày báo cáo\r
                07207;Phường Ngô Quyền;1234;85,3%;4,25;12/06/2024\r
                07204;"Xã ""Trần"", Nguyên Hãn";-3;;0,00;\r

                """)
    }

    @Test func formulaTriggersAreDefused() {
        let hostile = TableExport(
            sheetName: "x", header: ["=Tiêu đề"],
            rows: [
                [.text("=HYPERLINK(\"http://evil\")")], [.text("+1")], [.text("-2+3")], [.text("@SUM(A1)")],
                [.text("\tTab")], [.text("\rCR")], [.text("bình thường")], [.integer(-5)], [.text("Dòng 1\nDòng 2")],
            ])
        let lines = text(hostile.csv()).components(separatedBy: "\r\n")
        #expect(lines[0] == "'=Tiêu đề")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://evil\"\")\"")
        #expect(lines[2] == "'+1")
        #expect(lines[3] == "'-2+3")
        #expect(lines[4] == "'@SUM(A1)")
        #expect(lines[5] == "'\tTab")
        #expect(lines[6] == "\"'\rCR\"")
        #expect(lines[7] == "bình thường")
        #expect(lines[8] == "-5", "numbers are numbers, not text to defuse")
        #expect(lines[9] == "\"Dòng 1\nDòng 2\"")
    }

    @Test func decimalsAreFormattedWithoutALocale() {
        #expect(DecimalText.format(0.8532 * 100, digits: 1) == "85.3")
        #expect(DecimalText.format(2.5, digits: 0) == "3")
        #expect(DecimalText.format(-1.05, digits: 1, mark: ",") == "-1,1")
        #expect(DecimalText.format(0.001, digits: 3) == "0.001")
        #expect(DecimalText.format(.nan, digits: 2) == "")
    }
}

@Suite struct ExportSummaryTableTests {
    @Test func communeSummariesExportWithVietnameseHeaders() throws {
        let fixture = try DashboardSummaryTests.makeDataSet()
        let store = ReportSummaryStore(fixture.connection)
        let units = try #require(try store.communeSummaries(campaignID: fixture.campaignID, today: ReportFixture.today))
        let csv = String(decoding: SummaryTables.communes(units).csv(.semicolon).dropFirst(3), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "Mã đơn vị;Tên đơn vị;Mã huyện;Tên huyện;Tổng số phiếu;Phiếu hôm nay;Phiếu ngày có báo cáo;Phiếu ngày chưa báo cáo;Lượt giao dịch (ngày có báo cáo);Định mức;Tỷ lệ hài lòng;Phiếu bị gắn cờ;Phiếu gắn cờ đã xác nhận (không tính);Báo cáo đúng giờ;Báo cáo muộn;Ngày báo cáo gần nhất;Báo cáo hôm nay;Góp ý chờ xử lý"
        )
        #expect(
            lines[1]
                == "07201;Phường Thọ Xương;213;Thành phố Bắc Giang;18;5;18;0;28;đạt;90,0%;0;0;3;0;12/06/2024;Đã báo cáo đúng giờ;0"
        )
        #expect(
            lines[3]
                == "07207;Phường Ngô Quyền;213;Thành phố Bắc Giang;4;0;0;4;0;chưa báo cáo;100,0%;0;0;0;0;;Chưa báo cáo;2"
        )
        let districts = SummaryTables.districts(
            try store.districtSummaries(campaignID: fixture.campaignID, today: ReportFixture.today))
        let districtLines = String(decoding: districts.csv().dropFirst(3), as: UTF8.self).components(
            separatedBy: "\r\n")
        #expect(
            districtLines[0]
                == "Mã huyện,Tên huyện,Số xã, phường,Đã báo cáo hôm nay,Tổng số phiếu,Lượt giao dịch,Định mức: chưa báo cáo,Định mức: thiếu,Định mức: đạt,Định mức: vượt,Tỷ lệ hài lòng"
                .replacingOccurrences(of: "Số xã, phường", with: "\"Số xã, phường\""))
        #expect(districtLines[1] == "213,Thành phố Bắc Giang,3,1,25,32,1,1,1,0,87.5%")
    }
}
