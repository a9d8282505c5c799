import HTML
import Store
import Survey

/// The helper roster page: a commune's list with its add form and the district's deadline; a district's deadline
/// form and its communes' lists, those missing the deadline first; the province's choice of district. Cards at
/// 360 px, no JavaScript.
struct RosterPage {
    enum Content: Sendable {
        case commune(entries: [RosterEntry], deadline: LocalDate?)
        case district(UnitRecord, deadline: LocalDate?, communes: [CommuneRoster])
        case province(districts: [UnitRecord])
    }

    /// What was typed, and why it was refused.
    struct Form: Sendable {
        var name = ""
        var organisation = ""
        var days = ""
        var errors: [String: String] = [:]
        var message: String?
    }

    let user: AuthenticatedUser
    let content: Content
    let today: LocalDate
    let csrf: String?
    let form: Form
    let saved: Bool

    func render() -> HTML {
        let notice: HTML =
            saved ? "<p class=\"ok\" role=\"status\">Đã lưu.</p>" : .empty
        let alert: HTML = form.message.map { "<p class=\"summary\" role=\"alert\">\($0)</p>" } ?? .empty
        let main: HTML =
            switch content {
            case .commune(let entries, let deadline): commune(entries, deadline: deadline)
            case .district(let district, let deadline, let communes):
                self.district(district, deadline: deadline, communes: communes)
            case .province(let districts): province(districts)
            }
        return """
            <h1>Danh sách người trực, hỗ trợ khảo sát</h1>
            \(notice)
            \(alert)
            \(main)
            """
    }

    static func deadlineText(_ deadline: LocalDate?, today: LocalDate) -> HTML {
        guard let deadline else { return "<p class=\"note\">Huyện chưa đặt hạn nộp danh sách.</p>" }
        let passed: HTML = today > deadline ? " (đã qua hạn)" : .empty
        return "<p>Hạn nộp danh sách: <strong>\(deadline.vietnamese)</strong>\(passed).</p>"
    }

    private func commune(_ entries: [RosterEntry], deadline: LocalDate?) -> HTML {
        let rows = entries.map { entry -> HTML in
            let remove = SiteRoute.removeRosterEntry(entry: entry.id).path
            return """
                <tr><td data-label="Họ và tên">\(entry.name)</td><td data-label="Cơ quan, đoàn thể">\(entry.organisation)</td><td data-label="Ngày trực">\(entry.days)</td><td><form method="post" action="\(remove)" class="inline">\(AdminLayout.csrfField(csrf))<button type="submit" class="link">Xóa</button></form></td></tr>
                """
        }
        let list: HTML =
            entries.isEmpty
            ? "<p class=\"warn\">Đơn vị chưa có người trực nào trong danh sách.</p>"
            : """
            <table class="cards roster"><thead><tr><th>Họ và tên</th><th>Cơ quan, đoàn thể</th><th>Ngày trực</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return """
            \(Self.deadlineText(deadline, today: today))
            \(list)
            <form method="post" action="\(SiteRoute.roster.path)" class="roster-add">
            \(AdminLayout.csrfField(csrf))
            <h2>Thêm người trực</h2>
            \(field("name", "Họ và tên", form.name))
            \(field("organisation", "Cơ quan, đoàn thể", form.organisation))
            \(field("days", "Ngày trực (ví dụ: Thứ Hai, Thứ Tư; hoặc 10/6–20/6)", form.days))
            <p><button type="submit" class="button primary">Thêm vào danh sách</button></p>
            </form>
            """
    }

    private func field(_ name: String, _ label: String, _ value: String) -> HTML {
        let error: HTML = form.errors[name].map { " <span class=\"error\" id=\"e-\(name)\">\($0)</span>" } ?? .empty
        let described: HTML = form.errors[name] == nil ? .empty : " aria-describedby=\"e-\(name)\""
        return """
            <p><label for="\(name)"><strong>\(label)</strong></label>\(error)
            <input class="text" id="\(name)" name="\(name)" value="\(value)" maxlength="\(RosterStore.limits[name] ?? 100)"\(described) required></p>
            """
    }

    private func district(_ district: UnitRecord, deadline: LocalDate?, communes: [CommuneRoster]) -> HTML {
        let order: [CommuneRoster.Status] = [.missing, .pending, .late, .listed]
        let sorted = communes.sorted {
            (order.firstIndex(of: $0.status) ?? 0, $0.unit.code) < (order.firstIndex(of: $1.status) ?? 0, $1.unit.code)
        }
        let missing = communes.count { $0.status == .missing }
        let rows = sorted.map { commune -> HTML in
            let (label, style): (String, String) =
                switch commune.status {
                case .listed: ("Đã nộp", "ok")
                case .late: ("Nộp muộn", "warn")
                case .pending: ("Chưa nộp", "note")
                case .missing: ("Quá hạn, chưa nộp", "bad")
                }
            let people = commune.entries.map { entry -> HTML in
                "<li>\(entry.name) – \(entry.organisation) – \(entry.days)</li>"
            }
            let list: HTML = people.isEmpty ? "–" : "<ul>\(people)</ul>"
            return """
                <tr><td data-label="Xã">\(commune.unit.name)</td><td data-label="Tình trạng" class="\(style)">\(label)</td><td data-label="Người trực (\(commune.entries.count))">\(list)</td></tr>
                """
        }
        let summary: HTML =
            deadline == nil
            ? .empty
            : "<p class=\"lead\">\(Format.count(missing)) xã quá hạn chưa nộp danh sách.</p>"
        let form: HTML =
            user.role == .district
            ? """
            <form method="post" action="\(SiteRoute.rosterDeadline.path)" class="inline">
            \(AdminLayout.csrfField(csrf))
            <label for="due_on">Hạn nộp danh sách</label>
            <input id="due_on" name="due_on" type="date" value="\(deadline?.iso ?? "")" required>
            <button type="submit">Đặt hạn</button>
            </form>
            """
            : .empty
        return """
            <p class="place">\(district.name)</p>
            \(Self.deadlineText(deadline, today: today))
            \(form)
            \(summary)
            <table class="cards roster-communes"><thead><tr><th>Xã</th><th>Tình trạng</th><th>Người trực</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    private func province(_ districts: [UnitRecord]) -> HTML {
        let items = districts.map { district -> HTML in
            "<li><a href=\"\(SiteRoute.roster.href([("district", district.code)]))\">\(district.name)</a></li>"
        }
        return "<p>Chọn huyện để xem danh sách người trực của các xã:</p><ul class=\"links\">\(items)</ul>"
    }
}
