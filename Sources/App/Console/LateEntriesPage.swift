import HTML
import Store
import Survey

/// The late-entry openings in force in a district's (or the province's) scope: commune, day, end and reason, each
/// with a button that closes it now (a POST, then back here).
struct LateEntriesPage {
    let listings: [LateEntryListing]
    let csrf: String?
    /// Back from a close: true when it closed the opening (`?closed=1`), false when it had ended already.
    let closed: Bool?

    func render() -> HTML {
        let notice: HTML =
            switch closed {
            case true?: "<p class=\"ok\" role=\"status\">Đã đóng lượt mở nhập muộn.</p>"
            case false?: "<p class=\"note\" role=\"status\">Lượt mở nhập muộn này đã hết hạn từ trước.</p>"
            case nil: .empty
            }
        guard !listings.isEmpty else {
            return """
                <h1>Nhập muộn đang mở</h1>
                \(notice)
                <p>Không có lượt mở nhập muộn nào còn hạn. Mở nhập muộn cho một xã từ trang tổng hợp của đợt khảo sát.</p>
                <p><a href="\(SiteRoute.campaigns.path)">Về danh sách đợt khảo sát</a></p>
                """
        }
        let rows = listings.map { listing -> HTML in
            let opening = listing.opening
            let action = SiteRoute.closeLateEntry(opening: opening.id).path
            return """
                <tr><td>\(listing.unitCode) \(listing.unitName)</td><td>\(opening.date.vietnamese)</td><td>\(opening.untilText)</td><td>\(opening.reason)</td>
                <td><form method="post" action="\(action)">\(AdminLayout.csrfField(csrf))<button class="button" type="submit">Đóng</button></form></td></tr>
                """
        }
        return """
            <h1>Nhập muộn đang mở</h1>
            \(notice)
            <p>Các xã dưới đây đang được nộp hoặc sửa báo cáo của ngày đã qua. Đóng một lượt khi đã mở nhầm hoặc xã đã nộp xong.</p>
            <div class="table-wrap"><table>
            <thead><tr><th>Đơn vị</th><th>Ngày báo cáo</th><th>Hạn nhập</th><th>Lý do</th><th>Thao tác</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            <p><a href="\(SiteRoute.campaigns.path)">Về danh sách đợt khảo sát</a></p>
            """
    }
}
