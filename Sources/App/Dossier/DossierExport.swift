import Store
import Survey

/// The XLSX of the year's dossiers: one sheet of communes (state, totals per stage, the verdict, missing
/// documents, the decision), one of district committees for the province, one of the share recognised by
/// district.
enum DossierExport {
    static let header = [
        "Mã", "Đơn vị", "Huyện", "Trạng thái", "Tự chấm", "Huyện thẩm định", "Tỉnh chấm", "Đạt mức công nhận",
        "Tài liệu còn thiếu", "Kết quả", "Số quyết định", "Ngày quyết định",
    ]

    static func row(_ item: DossierListItem) -> [ExportCell] {
        func points(_ value: Double?) -> ExportCell { value.map { .decimal($0, digits: 2) } ?? .empty }
        return [
            .text(item.code), .text(item.name), .text(item.districtName), .text(item.stateLabel),
            points(item.selfTotal), points(item.districtTotal), points(item.provinceTotal),
            .text(item.passes.map { $0 ? "Đạt" : "Chưa đạt" }),
            .text(item.missingDocuments.isEmpty ? nil : item.missingDocuments.joined(separator: "; ")),
            .text(item.recognised.map { $0 ? "Công nhận" : "Không công nhận" }), .text(item.decisionNumber),
            .date(item.decisionDate),
        ]
    }

    static func sheets(_ listing: DossierListRoutes.Listing) -> [TableExport] {
        var sheets = [TableExport(sheetName: "Hồ sơ các xã", header: header, rows: listing.communes.map(row))]
        if !listing.districts.isEmpty {
            sheets.append(
                TableExport(sheetName: "Ban Chỉ đạo cấp huyện", header: header, rows: listing.districts.map(row)))
        }
        let shares = RecognitionShare.byDistrict(listing.communes)
        let lines = shares.districts + (shares.districts.count > 1 ? [shares.total] : [])
        sheets.append(
            TableExport(
                sheetName: "Tỷ lệ công nhận",
                header: [
                    "Huyện", "Số xã", "Đã lập hồ sơ", "Đã gửi", "Đã quyết định", "Được công nhận", "Tỷ lệ", "Mục tiêu",
                ],
                rows: lines.map { line in
                    [
                        .text(line.name), .integer(line.communes), .integer(line.started), .integer(line.submitted),
                        .integer(line.decided), .integer(line.recognised), .percentage(line.share),
                        .percentage(listing.target),
                    ]
                }))
        return sheets
    }
}
