import HTML
import Store
import Survey

/// The printable report (`GET /admin/campaigns/{id}/print`) as a steering committee files it: the committee's
/// header, the answers-per-day chart, the table of units (grouped by district with subtotals for the province,
/// a district's desk and communes under its total), then the place and date and the signatures. The figures come
/// worked out from `PrintReport`; this only writes them.
struct PrintReportPage {
    let user: AuthenticatedUser
    let campaign: CampaignRecord
    let report: PrintReport
    let days: [DailyAnswerCount]
    /// The Hanoi day of the figures, also the date above the signatures.
    let today: LocalDate

    /// A table of more columns than this is printed on landscape A4 (`@page wide` in `AdminStyles`): with the
    /// quota column's explanation, seven columns no longer fit across a portrait page at a readable size.
    static let portraitColumns = 6

    var columns: [UnitFigure] { UnitFigure.columns(for: .print, withDistricts: false) }

    static func isWide(_ columns: [UnitFigure]) -> Bool { columns.count > portraitColumns }

    var body: HTML {
        """
        <div class="print-report\(Self.isWide(columns) ? " wide" : "")">
        <div class="print-head">
        <p><strong>BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ</strong><br>\(user.unitName)</p>
        <p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br>Độc lập – Tự do – Hạnh phúc</p>
        </div>
        <h1>TỔNG HỢP KẾT QUẢ KHẢO SÁT</h1>
        <p class="lead">\(campaign.title) (\(campaign.formCode)), từ \(campaign.schedule.startsOn.vietnamese) đến \(campaign.schedule.endsOn.vietnamese). Số liệu đến ngày \(today.vietnamese).</p>
        <h2>Số phiếu theo ngày</h2>
        <div class="chart">\(AnswersChart.svg(days: days, id: "bieu-do-in"))</div>
        <h2>Kết quả theo đơn vị</h2>
        \(table)\(flagNote)
        \(QuestionResultsSection.render(report.results))
        <p class="place-date"><em>\(PlaceDateLine.text(place: user.unitName, date: today))</em></p>
        \(signatures)
        <p class="noprint note">Dùng lệnh In của trình duyệt (Ctrl+P), khổ A4\(Self.isWide(columns) ? " ngang" : "").</p>
        </div>
        """
    }

    /// Whether the shares include flagged answers nobody has reviewed yet (said only when some do).
    var flagNote: HTML {
        let open = report.units.reduce(0) { $0 + $1.flaggedOpen }
        guard open > 0 else { return .empty }
        return
            "\n<p class=\"note\">Tỷ lệ hài lòng và số phiếu gồm \(Format.count(open)) phiếu bị gắn cờ chưa xác nhận.</p>"
    }

    var table: HTML {
        let columns = columns
        let headers = columns.map { figure -> HTML in "<th scope=\"col\">\(figure.heading)</th>" }
        let bodies: [HTML]
        if report.isGrouped {
            bodies = report.groups.map { group in
                let name = group.districtName ?? "Đơn vị không thuộc huyện"
                let heading = group.districtCode.map { "\(name) (\($0))" } ?? name
                let rows = group.units.map { UnitFigure.tableRow($0, columns: columns) }
                let subtotal = UnitFigure.totalRow(
                    label: "Cộng \(name)", group.subtotal, columns: columns, class: "subtotal")
                return """
                    <tbody><tr class="group"><th scope="rowgroup" colspan="\(columns.count)">\(heading)</th></tr>\
                    \(rows)\(subtotal)</tbody>
                    """
            }
        } else {
            bodies = ["<tbody>\(report.units.map { UnitFigure.tableRow($0, columns: columns) })</tbody>"]
        }
        // One unit needs no total: it would repeat its own row.
        let footer: HTML =
            report.total.units > 1
            ? "<tfoot>\(UnitFigure.totalRow(label: totalLabel, report.total, columns: columns, class: "total"))</tfoot>"
            : .empty
        return """
            <table class="print-table"><thead><tr>\(headers)</tr></thead>\(bodies)\(footer)</table>
            """
    }

    /// "Tổng cộng toàn tỉnh" for the province, "Tổng cộng Huyện Yên Thế" for a district.
    var totalLabel: String {
        switch user.role {
        case .province: "Tổng cộng toàn tỉnh"
        case .district, .commune: "Tổng cộng \(user.unitName)"
        }
    }

    /// Who drew the table up on the left, the committee's head on the right, each with room to sign.
    var signatures: HTML {
        """
        <div class="signatures">
        <div><strong>NGƯỜI LẬP BIỂU</strong><br><em>(Ký, ghi rõ họ tên)</em><div class="sign-space"></div></div>
        <div><strong>TM. BAN CHỈ ĐẠO</strong><br><strong>TRƯỞNG BAN</strong><br><em>(Ký, ghi rõ họ tên, đóng dấu)</em><div class="sign-space"></div></div>
        </div>
        """
    }
}
