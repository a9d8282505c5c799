import HTML
import Store
import Survey

/// The province's view of today: the same counts per district, each linked to that district's board
/// (`?district=CODE`). Where the unit set has no districts (the two-level map), the units themselves.
struct TodayProvincePage {
    let board: TodayBoard
    let user: AuthenticatedUser
    let lateEntries: Int

    func render() -> HTML {
        guard !board.rows.isEmpty else {
            return """
                \(TodaySections.heading(board))
                \(TodaySections.nothingOpen)
                \(TodaySections.menu(user))
                """
        }
        let districts = board.districts
        let detail = districts.isEmpty ? TodaySections.unitTable(board) : table(districts)
        let late: HTML =
            lateEntries == 0
            ? "<p>Không có lượt mở nhập muộn nào còn hạn.</p>"
            : "<p><a href=\"\(SiteRoute.lateEntries.path)\">\(Format.count(lateEntries)) lượt mở nhập muộn còn hạn</a></p>"
        return """
            \(TodaySections.heading(board))
            \(TodaySections.window(board))
            \(TodaySections.counts(board))
            \(detail)
            \(TodaySections.campaigns(board.campaigns))
            <h2>Nhập muộn đang mở</h2>
            \(late)
            \(TodaySections.menu(user))
            """
    }

    private func table(_ districts: [TodayBoard.DistrictCount]) -> HTML {
        let waitingHeading = board.beforeWindow ? "Chưa đến giờ" : "Chưa báo cáo"
        let rows = districts.map { district -> HTML in
            let counts = district.counts
            let waiting = (counts[.missing] ?? 0) + (counts[.notYetOpen] ?? 0)
            let link = SiteRoute.today.href([("district", district.code)])
            return """
                <tr><td data-label="Huyện"><a href="\(link)">\(district.name)</a></td><td data-label="Số đơn vị" class="num">\(Format.count(district.units))</td><td data-label="Đúng giờ" class="num">\(Format.count(counts[.onTime] ?? 0))</td><td data-label="Muộn" class="num">\(Format.count(counts[.late] ?? 0))</td><td data-label="\(waitingHeading)" class="num">\(Format.count(waiting))</td></tr>
                """
        }
        return """
            <table class="cards today-districts">
            <thead><tr><th>Huyện</th><th>Số đơn vị</th><th>Đúng giờ</th><th>Muộn</th><th>\(waitingHeading)</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }
}
