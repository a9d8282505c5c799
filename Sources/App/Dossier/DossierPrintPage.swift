import HTML
import Store
import Survey

/// The printable list for the decision (`GET /admin/dossiers/{year}/print`): the committee's header, then the
/// communes proposed for recognition — those the province recognised, and those forwarded by their district and
/// reaching the pass rule, not yet decided — grouped by district with the scores of each stage, then the place,
/// date and signatures, as the campaign's print page.
struct DossierPrintPage {
    let user: AuthenticatedUser
    let year: Int
    let communes: [DossierListItem]
    let today: LocalDate

    /// Recognised, or forwarded and passing: the list the decision is drawn from.
    var listed: [DossierListItem] {
        communes.filter { $0.recognised == true || ($0.state == .districtReviewed && $0.passes == true) }
    }

    var body: HTML {
        let groups = Dictionary(grouping: listed) { $0.districtCode ?? "" }
        var number = 0
        let bodies = groups.keys.sorted().map { code -> HTML in
            let members = groups[code] ?? []
            let name = members.first?.districtName ?? "Không thuộc huyện"
            let rows = members.map { item -> HTML in
                number += 1
                let result: HTML =
                    item.recognised == true
                    ? "Công nhận (QĐ \(item.decisionNumber ?? "") ngày \(item.decisionDate?.vietnamese ?? ""))"
                    : "Đề nghị công nhận"
                return """
                    <tr><td>\(number)</td><td>\(item.name)</td><td>\(Format.points(item.selfTotal))</td><td>\(Format.points(item.districtTotal))</td><td>\(Format.points(item.provinceTotal))</td><td>\(result)</td></tr>
                    """
            }
            return """
                <tbody><tr class="group"><th scope="rowgroup" colspan="6">\(name) (\(Format.count(members.count)) xã)</th></tr>\(rows)</tbody>
                """
        }
        let table: HTML =
            listed.isEmpty
            ? "<p>Chưa có xã nào được đề nghị hoặc được công nhận.</p>"
            : """
            <table class="print-table"><thead><tr><th scope="col">TT</th><th scope="col">Xã</th><th scope="col">Tự chấm</th><th scope="col">Huyện thẩm định</th><th scope="col">Tỉnh chấm</th><th scope="col">Kết quả</th></tr></thead>\(bodies)</table>
            """
        return """
            <div class="print-report">
            <div class="print-head">
            <p><strong>BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ</strong><br>\(user.unitName)</p>
            <p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br>Độc lập – Tự do – Hạnh phúc</p>
            </div>
            <h1>DANH SÁCH XÃ ĐẠT CHUẨN “CHÍNH QUYỀN THÂN THIỆN” NĂM \(String(year))</h1>
            <p class="lead">\(Format.count(listed.count)) xã trên \(Format.count(communes.count)) xã, số liệu đến ngày \(today.vietnamese).</p>
            \(table)
            <p class="place-date"><em>\(PlaceDateLine.text(place: user.unitName, date: today))</em></p>
            <div class="signatures">
            <div><strong>NGƯỜI LẬP BIỂU</strong><br><em>(Ký, ghi rõ họ tên)</em><div class="sign-space"></div></div>
            <div><strong>TM. BAN CHỈ ĐẠO</strong><br><strong>TRƯỞNG BAN</strong><br><em>(Ký, ghi rõ họ tên, đóng dấu)</em><div class="sign-space"></div></div>
            </div>
            <p class="noprint note">Dùng lệnh In của trình duyệt (Ctrl+P), khổ A4.</p>
            </div>
            """
    }
}
