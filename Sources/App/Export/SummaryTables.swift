import Survey

/// The dashboards' tables as exports, with the Vietnamese column titles people expect in the files they send on.
public enum SummaryTables {
    /// One row per unit. The district columns are left out where the unit set has no districts.
    public static func communes(_ units: [CommuneSummary], sheetName: String = "Xã, phường") -> TableExport {
        let hasDistricts = units.contains { $0.districtCode != nil }
        var header = ["Mã đơn vị", "Tên đơn vị"]
        if hasDistricts { header += ["Mã huyện", "Tên huyện"] }
        header += ["Tổng số phiếu", "Phiếu hôm nay", "Phiếu ngày có báo cáo", "Phiếu ngày chưa báo cáo",
                   "Lượt giao dịch (ngày có báo cáo)", "Định mức", "Tỷ lệ hài lòng", "Báo cáo đúng giờ",
                   "Báo cáo muộn", "Ngày báo cáo gần nhất", "Báo cáo hôm nay", "Góp ý chờ xử lý"]
        let rows: [[ExportCell]] = units.map { unit in
            var cells: [ExportCell] = [.text(unit.code), .text(unit.name)]
            if hasDistricts { cells += [.text(unit.districtCode), .text(unit.districtName)] }
            cells += [.integer(unit.answers), .integer(unit.answersToday), .integer(unit.answersOnReportedDays),
                      .integer(unit.answersOnUnreportedDays), .integer(unit.visitors), .text(unit.quotaStatus.label),
                      .percentage(unit.satisfiedShare), .integer(unit.reportsOnTime), .integer(unit.lateReports),
                      .date(unit.lastReportDate), .text(unit.reportedToday.label), .integer(unit.suggestionsWaiting)]
            return cells
        }
        return TableExport(sheetName: sheetName, header: header, rows: rows)
    }

    public static func districts(_ districts: [DistrictSummary], sheetName: String = "Huyện") -> TableExport {
        let header = ["Mã huyện", "Tên huyện", "Số xã, phường", "Đã báo cáo hôm nay", "Tổng số phiếu",
                      "Lượt giao dịch"] + QuotaStatus.allCases.map { "Định mức: \($0.label)" } + ["Tỷ lệ hài lòng"]
        let rows: [[ExportCell]] = districts.map { district in
            [.text(district.code), .text(district.name), .integer(district.communes), .integer(district.reportedToday),
             .integer(district.answers), .integer(district.visitors)]
                + QuotaStatus.allCases.map { .integer(district.statusCounts[$0] ?? 0) }
                + [.percentage(district.satisfiedShare)]
        }
        return TableExport(sheetName: sheetName, header: header, rows: rows)
    }
}
