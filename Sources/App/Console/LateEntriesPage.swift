import HTML
import Store
import Survey

/// The late-entry openings in force in a district's (or the province's) scope: commune, day, end and reason, each
/// with a button that closes it now (a POST, then back here); and a form to open one for a unit and a day.
struct LateEntriesPage {
    let listings: [LateEntryListing]
    let csrf: String?
    /// Back from a close: true when it closed the opening (`?closed=1`), false when it had ended already.
    let closed: Bool?
    /// The units a district may choose (its desk and communes); empty: the province types a code.
    let units: [UnitRecord]
    let today: LocalDate
    /// What was typed into the opening form, kept when it is refused.
    let form: [String: String]
    /// Why the opening form was refused.
    let message: String?

    func render() -> HTML {
        let notice: HTML =
            switch closed {
            case true?: "<p class=\"ok\" role=\"status\">Đã đóng lượt mở nhập muộn.</p>"
            case false?: "<p class=\"note\" role=\"status\">Lượt mở nhập muộn này đã hết hạn từ trước.</p>"
            case nil: .empty
            }
        return """
            <h1>Nhập muộn đang mở</h1>
            \(notice)
            \(list())
            \(openForm())
            <p><a href="\(SiteRoute.campaigns.path)">Về danh sách đợt khảo sát</a></p>
            """
    }

    private func list() -> HTML {
        guard !listings.isEmpty else {
            return "<p>Không có lượt mở nhập muộn nào còn hạn.</p>"
        }
        // Cards on a phone (`table.cards` in AdminStyles, as /admin/users): each opening's fields labelled, the
        // close button a full POST form with the CSRF token.
        let rows = listings.map { listing -> HTML in
            let opening = listing.opening
            let action = SiteRoute.closeLateEntry(opening: opening.id).path
            return """
                <tr><td data-label="Đơn vị">\(listing.unitCode) \(listing.unitName)</td><td data-label="Ngày báo cáo">\(opening.date.vietnamese)</td><td data-label="Hạn nhập">\(opening.untilText)</td><td data-label="Lý do">\(opening.reason)</td>
                <td class="actions"><form method="post" action="\(action)">\(AdminLayout.csrfField(csrf))<button class="button" type="submit">Đóng</button></form></td></tr>
                """
        }
        return """
            <p>Các đơn vị dưới đây đang được nộp hoặc sửa báo cáo của ngày đã qua. Đóng một lượt khi đã mở nhầm hoặc đơn vị đã nộp xong.</p>
            <table class="cards">
            <thead><tr><th>Đơn vị</th><th>Ngày báo cáo</th><th>Hạn nhập</th><th>Lý do</th><th>Thao tác</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    private func openForm() -> HTML {
        let chosen = form["unit"] ?? ""
        let unitField: HTML =
            units.isEmpty
            ? "<input class=\"text\" type=\"text\" name=\"unit\" value=\"\(chosen)\" inputmode=\"numeric\" required>"
            : "<select name=\"unit\">\(units.map { unit -> HTML in "<option value=\"\(unit.code)\"\(unit.code == chosen ? " selected" : "" as HTML)>\(unit.code) \(unit.name)</option>" })</select>"
        let error: HTML = message.map { "<p class=\"summary\" role=\"alert\">\($0)</p>" } ?? .empty
        return """
            <h2>Mở nhập muộn</h2>
            \(error)
            <form method="post" action="\(SiteRoute.lateEntries.path)" class="stack">
            \(AdminLayout.csrfField(csrf))
            <p><label>Đơn vị \(unitField)</label></p>
            <p><label>Ngày báo cáo <input type="date" name="date" value="\(form["date"] ?? today.iso)" max="\(today.iso)" required></label></p>
            <p><label>Lý do <input class="text" type="text" name="reason" maxlength="\(LateEntryStore.maxReasonLength)" value="\(form["reason"] ?? "")" required></label></p>
            <p><label>Hạn nhập (trống: hết ngày mai) <input type="date" name="until" min="\(today.iso)" value="\(form["until"] ?? "")"></label></p>
            <p><button class="button" type="submit">Mở nhập muộn</button></p>
            </form>
            """
    }
}
