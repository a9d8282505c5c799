import HTML
import Store
import Survey

/// `/admin/reports`: the communes in scope on one day, each with what its report says at a glance (status,
/// visitors, guided, difficulties, proposals, photos, replies) and a link to read it whole. A day picker that works
/// without JavaScript (a GET form), the day before and after, and for the province a district filter. Cards at
/// 360 px.
struct CommuneReportsPage {
    let user: AuthenticatedUser
    let date: LocalDate
    let today: LocalDate
    let rows: [CommuneReportRow]
    let districts: [UnitRecord]
    let districtCode: String?

    func render() -> HTML {
        let filed = rows.count { $0.report != nil }
        let summary: HTML =
            rows.isEmpty
            ? "<p class=\"note\">Không có xã nào trong phạm vi quản lý.</p>"
            : "<p class=\"lead\">\(Format.count(filed))/\(Format.count(rows.count)) xã đã nộp báo cáo ngày \(date.vietnamese).</p>"
        return """
            <h1>Báo cáo ngày của các xã</h1>
            \(picker())
            \(summary)
            \(rows.isEmpty ? .empty : table())
            """
    }

    private func link(_ day: LocalDate) -> String {
        SiteRoute.communeReports.href([("date", day.iso), ("district", districtCode)])
    }

    private func picker() -> HTML {
        let options = districts.map { district -> HTML in
            let selected: HTML = district.code == districtCode ? " selected" : .empty
            return "<option value=\"\(district.code)\"\(selected)>\(district.name)</option>"
        }
        let filter: HTML =
            districts.isEmpty
            ? .empty
            : """
            <label for="district">Huyện</label>
            <select id="district" name="district"><option value="">Cả tỉnh</option>\(options)</select>
            """
        let next: HTML =
            date < today ? " · <a href=\"\(link(date.adding(days: 1)))\">Ngày sau</a>" : .empty
        return """
            <form method="get" action="\(SiteRoute.communeReports.path)" class="inline">
            <label for="date">Ngày</label>
            <input id="date" name="date" type="date" value="\(date.iso)" max="\(today.iso)">
            \(filter)
            <button type="submit">Xem</button>
            </form>
            <p><a href="\(link(date.adding(days: -1)))">Ngày trước</a>\(next)</p>
            """
    }

    private func table() -> HTML {
        let province = user.role == .province
        let body = rows.map { row -> HTML in
            let read = SiteRoute.communeReport(unit: row.unit.code, date: date.iso).path
            let district: HTML =
                province ? "<td data-label=\"Huyện\">\(row.districtName)</td>" : .empty
            guard let report = row.report else {
                let photos: HTML = row.photos > 0 ? " (\(Format.count(row.photos)) ảnh)" : .empty
                return """
                    <tr><td data-label="Xã"><a href="\(read)">\(row.unit.name)</a></td>\(district)<td data-label="Tình trạng" class="bad" colspan="6">Chưa nộp\(photos)</td></tr>
                    """
            }
            let time = VietnamTime.clockText(at: report.submittedAt).prefix(5)
            let state: HTML =
                "\(report.onTime ? "Đúng hạn" : "Muộn"), \(time), lần \(Format.count(report.version))"
            return """
                <tr><td data-label="Xã"><a href="\(read)">\(row.unit.name)</a></td>\(district)<td data-label="Tình trạng" class="\(report.onTime ? "ok" : "warn")">\(state)</td><td data-label="Lượt đến">\(Format.count(report.visitors))</td><td data-label="Được hướng dẫn">\(Format.count(report.guided))</td><td data-label="Khó khăn">\(Self.excerpt(report.difficulties))</td><td data-label="Kiến nghị">\(Self.excerpt(report.proposals))</td><td data-label="Ảnh, phản hồi">\(Format.count(row.photos)) ảnh, \(Format.count(row.replies)) phản hồi</td></tr>
                """
        }
        let districtHead: HTML = province ? "<th>Huyện</th>" : .empty
        return """
            <table class="cards commune-reports"><thead><tr><th>Xã</th>\(districtHead)<th>Tình trạng</th><th>Lượt đến</th><th>Được hướng dẫn</th><th>Khó khăn</th><th>Kiến nghị</th><th>Ảnh, phản hồi</th></tr></thead><tbody>\(body)</tbody></table>
            """
    }

    /// The first 120 characters of a text, or a dash: the whole text is on the report's own page.
    static func excerpt(_ text: String) -> String {
        guard !text.isEmpty else { return "–" }
        return text.count <= 120 ? text : String(text.prefix(120)) + "…"
    }
}
