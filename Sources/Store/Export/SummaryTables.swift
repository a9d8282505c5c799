import Survey

/// The dashboards' tables as exports, with the Vietnamese column titles people expect in the files they send on.
public enum SummaryTables {
    /// One row per unit: the figures shown on `.export` (`UnitFigure.all`), under their full titles. The district
    /// columns are left out where the unit set has no districts.
    public static func communes(_ units: [CommuneSummary], sheetName: String = "Xã, phường") -> TableExport {
        let columns = UnitFigure.columns(for: .export, withDistricts: units.contains { $0.districtCode != nil })
        let rows = units.map { unit in columns.map { $0.value(unit) } }
        return TableExport(sheetName: sheetName, header: columns.map(\.title), rows: rows)
    }

    public static func districts(_ districts: [DistrictSummary], sheetName: String = "Huyện") -> TableExport {
        let header =
            [
                "Mã huyện", "Tên huyện", "Số xã, phường", "Đã báo cáo hôm nay", "Tổng số phiếu",
                "Lượt giao dịch",
            ] + QuotaStatus.allCases.map { "Định mức: \($0.label)" } + ["Tỷ lệ hài lòng"]
        let rows: [[ExportCell]] = districts.map { district in
            [
                .text(district.code), .text(district.name), .integer(district.communes),
                .integer(district.reportedToday),
                .integer(district.answers), .integer(district.visitors),
            ]
                + QuotaStatus.allCases.map { .integer(district.statusCounts[$0] ?? 0) }
                + [.percentage(district.satisfiedShare)]
        }
        return TableExport(sheetName: sheetName, header: header, rows: rows)
    }
}
