import HTML
import Store
import Survey

/// The dashboard's markup. Tables scroll sideways on a phone instead of breaking the layout.
struct DashboardView {
    let context: ConsoleContext
    let data: DashboardRoutes.Data
    let today: LocalDate
    let now: Int64
    /// Sort, filters and page of the unit table.
    let query: DashboardQuery
    let csrf: String?

    /// Published and at or past its first day: before that, no unit owes a daily report, so a district sees no
    /// board of who reported and no list of whom to remind.
    static func hasStarted(_ campaign: CampaignRecord, today: LocalDate) -> Bool {
        campaign.schedule.state != .draft && today >= campaign.schedule.startsOn
    }

    var base: String { SiteRoute.dashboard(campaign: context.campaign.id).path }
    var campaignID: Int64 { context.campaign.id }

    /// During the reporting window of a running campaign the board changes by the minute: the page reloads itself
    /// (`Public/refresh.js`), but only while nobody has touched a form field on it.
    var refreshesItself: Bool {
        Self.hasStarted(context.campaign, today: today) && today <= context.campaign.schedule.endsOn
            && context.campaign.window.contains(now)
    }

    /// " · phối hợp: Hội Cựu chiến binh": the partner organisation of the campaign's form, when it has one.
    static func partner(_ campaign: CampaignRecord) -> HTML {
        campaign.organisation.isEmpty ? .empty : " · phối hợp: \(campaign.organisation)"
    }

    func render() -> HTML {
        let campaign = context.campaign
        var sections: [HTML] = [header(), freshness()]
        switch context.user.role {
        case .province:
            // What the committee reads first (the totals, satisfaction, whom to commend, the trend) comes before
            // the long tables; the districts before their communes.
            if let summary = data.summary { sections.append(cards(summary)) }
            sections.append(questionTable())
            sections.append(topList())
            sections.append(
                "<h2>Số phiếu theo ngày</h2><div class=\"chart\">\(AnswersChart.svg(days: data.days))</div>")
            if !data.districts.isEmpty { sections.append(districtTable()) }
            // The official per-question tables are long: after the districts, before the (paged) unit table.
            sections.append(QuestionResultsSection.render(data.results))
            sections.append(unitTable(showDistrict: data.units.contains { $0.districtCode != nil }))
        case .district:
            sections.append(
                Self.hasStarted(campaign, today: today)
                    ? todayBoard()
                    : "<h2>Báo cáo ngày</h2><p class=\"note\">Đợt khảo sát chưa bắt đầu.</p>")
            sections.append(unitTable(showDistrict: false))
            sections.append(lateEntryForm())
            sections.append(QuestionResultsSection.render(data.results))
            sections.append(
                "<h2>Số phiếu theo ngày</h2><div class=\"chart\">\(AnswersChart.svg(days: data.days))</div>")
        case .commune:
            sections.append(ownUnit())
            sections.append(questionTable())
            sections.append(QuestionResultsSection.render(data.results))
            sections.append(
                "<h2>Số phiếu theo ngày</h2><div class=\"chart\">\(AnswersChart.svg(days: data.days))</div>")
        }
        return HTML.join(sections, separator: "\n")
    }

    private func header() -> HTML {
        let campaign = context.campaign
        let reportLink: HTML =
            context.user.role == .province || !context.unitIDs.contains(context.user.unitID)
            ? .empty
            : "<a class=\"button primary\" href=\"\(SiteRoute.dailyReport(campaign: campaignID).path)\">Báo cáo ngày</a> "
        return """
            <h1>\(campaign.title)</h1>
            <p class="note">\(campaign.formCode)\(Self.partner(campaign)) · từ \(campaign.schedule.startsOn.vietnamese) đến \(campaign.schedule.endsOn.vietnamese) · \(campaign.schedule.state.label) · khung giờ báo cáo \(campaign.window.text) · hôm nay \(today.vietnamese)</p>
            <p class="actions">\(reportLink)<a class="button" href="\(SiteRoute.exportXLSX(campaign: campaignID).path)" title="Bảng tính Excel: số và ngày tháng đúng kiểu, mở được ngay">Xuất Excel</a> <a class="button" href="\(SiteRoute.exportCSV(campaign: campaignID).href([("sep", "semicolon")]))" title="Cột cách nhau bằng dấu chấm phẩy, số thập phân dấu phẩy (85,3%), ngày dd/mm/yyyy: Excel cài tiếng Việt mở thành cột">CSV (;) – thập phân dấu phẩy</a> <a class="button" href="\(SiteRoute.exportCSV(campaign: campaignID).path)" title="Cột cách nhau bằng dấu phẩy, số thập phân dấu chấm (85.3%), ngày yyyy-mm-dd: cho phần mềm thống kê hoặc Excel cài tiếng Anh">CSV (,) – thập phân dấu chấm</a> <a class="button" href="\(SiteRoute.printReport(campaign: campaignID).path)">Bản in</a></p>
            """
    }

    /// When the figures were read, and a link that reads them again (no script needed). During the window the
    /// paragraph carries the reload interval the script reads (`data-refresh`, seconds).
    private func freshness() -> HTML {
        let time = String(VietnamTime.clockText(at: now).prefix(5))
        let reload: HTML = "<a href=\"\(query.href(base))\">Cập nhật</a>"
        guard refreshesItself else {
            return "<p class=\"note noprint\" id=\"so-lieu\">Số liệu lúc \(time) · \(reload)</p>"
        }
        return """
            <p class="note noprint" id="so-lieu" data-refresh="60">Số liệu lúc \(time) · \(reload) <span class="auto">· tự cập nhật mỗi phút khi không có ai đang nhập liệu</span></p>
            <script src="\(SiteRoute.asset(path: "refresh.js").path)" defer></script>
            """
    }

    /// A unit's name as a link to its page in this campaign.
    private func unitLink(_ unit: CommuneSummary) -> HTML {
        "<a href=\"\(SiteRoute.campaignUnit(campaign: campaignID, unit: unit.code).path)\">\(unit.name)</a>"
    }

    /// Flagged answers of the units shown: the open ones are still in every figure, the confirmed ones are out.
    private var flags: (open: Int, confirmed: Int) {
        data.units.reduce(into: (0, 0)) { sum, unit in
            sum.open += unit.flaggedOpen
            sum.confirmed += unit.flaggedConfirmed
        }
    }

    /// " (gồm 3 phiếu bị gắn cờ chưa xác nhận)" when some are, so a share says what it includes.
    private var flagNote: HTML {
        flags.open > 0 ? " (gồm \(Format.count(flags.open)) phiếu bị gắn cờ chưa xác nhận)" : .empty
    }

    private func cards(_ summary: CampaignSummary) -> HTML {
        let counts = summary.statusCounts
        func count(_ status: QuotaStatus) -> String { Format.count(counts[status] ?? 0) }
        return """
            <div class="cards">
            <p><strong>\(Format.count(summary.units))</strong> đơn vị</p>
            <p><strong>\(Format.count(summary.answers))</strong> phiếu (hôm nay \(Format.count(summary.answersToday)))</p>
            <p><strong>\(Format.count(summary.visitors))</strong> lượt khách đã báo cáo</p>
            <p><strong>\(Format.count(summary.reportedToday))</strong>/\(Format.count(summary.units)) đã báo cáo hôm nay</p>
            <p>Hài lòng chung: <strong>\(Format.percent(summary.satisfiedShare))</strong>\(flagNote)</p>
            <p>Phiếu bị gắn cờ: \(Format.count(flags.open)) chưa xác nhận (vẫn tính) · \(Format.count(flags.confirmed)) đã xác nhận (không tính)</p>
            <p class="\(summary.meetsYearlyTarget ? "ok" : "warn")">Đơn vị đạt ngưỡng \(Format.percent(summary.satisfactionThreshold)): <strong>\(Format.percent(summary.shareMeetingThreshold))</strong> (mục tiêu năm \(Format.percent(summary.yearlyTargetShare)))</p>
            <p>Chỉ tiêu: chưa báo cáo \(count(.notReported)) · thiếu \(count(.short)) · đạt \(count(.met)) · <span class="vuot">vượt \(count(.over))</span></p>
            </div>
            """
    }

    /// Sortable by every column (`DistrictTable`): a header links to its column's first direction, the current
    /// one says its direction in `aria-sort` and links to the other. The name links to the unit table narrowed to
    /// that district.
    private func districtTable() -> HTML {
        let sort = query.districtSort
        let headers = DistrictTable.columns.map { column -> HTML in
            let current = sort?.column == column.id ? sort : nil
            let next: UnitOrder.Direction =
                switch current?.direction {
                case .ascending: .descending
                case .descending: .ascending
                case nil: column.firstDirection
                }
            let link: HTML =
                "<a href=\"\(query.with(districtSort: .init(column: column, direction: next)).href(base))#theo-huyen\">\(column.heading)</a>"
            guard let current else { return "<th>\(link)</th>" }
            return "<th aria-sort=\"\(current.direction.rawValue)\">\(link)</th>"
        }
        let rows = DistrictTable.sorted(data.districts, by: sort).map { district -> HTML in
            let cells = DistrictTable.columns.map { column -> HTML in
                column.id == "name"
                    ? "<td><a href=\"\(query.with(district: district.code).with(status: .all).href(base))#don-vi\">\(district.name)</a></td>"
                    : "<td>\(column.cell(district))</td>"
            }
            return "<tr>\(cells)</tr>"
        }
        return """
            <h2 id="theo-huyen">Theo huyện</h2>
            <div class="scroll"><table class="districts"><thead><tr>\(headers)</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <p class="note">Xã đạt ngưỡng: số xã có tỷ lệ hài lòng từ \(Format.percent(data.threshold)) trở lên trên số xã của huyện; xã chưa có phiếu đánh giá tính là chưa đạt.</p>
            """
    }

    private func unitTable(showDistrict: Bool) -> HTML {
        let table = UnitTablePage(units: data.units, query: query)
        let columns = UnitFigure.columns(for: .dashboard, withDistricts: showDistrict)
        let headers = columns.map { figure -> HTML in
            guard let sort = UnitSort(rawValue: figure.id), let order = figure.order else {
                return "<th>\(figure.heading)</th>"
            }
            return sort == query.sort
                ? "<th aria-sort=\"\(order.direction.rawValue)\">\(figure.heading)</th>"
                : "<th><a href=\"\(query.with(sort: sort).href(base))\">\(figure.heading)</a></th>"
        }
        // The figures' own cells, but the name links to the unit's page.
        let rows = table.rows.map { unit -> HTML in
            let cells = columns.map { figure -> HTML in
                "<td>\(figure.id == UnitFigure.name.id ? unitLink(unit) : figure.html(for: unit))</td>"
            }
            return "<tr class=\"s-\(unit.quotaStatus.rawValue)\">\(cells)</tr>"
        }
        let total = Format.count(data.units.count)
        let shown: HTML =
            table.matching == 0
            ? "<p class=\"note\">Không có đơn vị nào phù hợp.</p>"
            : "<p class=\"note\">Hiển thị \(Format.count(table.offset + 1))–\(Format.count(table.offset + table.rows.count)) trong \(Format.count(table.matching)) đơn vị phù hợp\(table.matching < data.units.count ? " (trên tổng số \(total))" : ""). Danh sách đầy đủ: <a href=\"\(SiteRoute.exportXLSX(campaign: campaignID).path)\">Excel</a>, <a href=\"\(SiteRoute.exportCSV(campaign: campaignID).path)\">CSV</a>.</p>"
        return """
            <h2 id="don-vi">Theo đơn vị (\(total))</h2>
            \(filterForm(showDistrict: showDistrict))
            \(statusLinks(table))
            \(shown)
            <div class="scroll"><table class="units"><thead><tr>\(headers)</tr></thead>
            <tbody>\(rows)</tbody></table></div>
            \(pager(table))
            <p class="note">Hàng tô đỏ: trạng thái “vượt” – số phiếu nhiều hơn số khách cho phép, cần kiểm tra.</p>
            """
    }

    /// Search by name and, where the table spans several districts, one district; a GET form that works without
    /// JavaScript and keeps the sort and the status filter.
    private func filterForm(showDistrict: Bool) -> HTML {
        var districts: [(code: String, name: String)] = []
        if showDistrict {
            var seen: Set<String> = []
            for unit in data.units {
                guard let code = unit.districtCode, !seen.contains(code) else { continue }
                seen.insert(code)
                districts.append((code, unit.districtName ?? code))
            }
            districts.sort { $0.code < $1.code }
        }
        let districtSelect: HTML =
            districts.count < 2
            ? .empty
            : {
                let options = districts.map { district -> HTML in
                    let selected: HTML = district.code == query.district ? " selected" : .empty
                    return "<option value=\"\(district.code)\"\(selected)>\(district.name)</option>"
                }
                return
                    " <label>Huyện <select name=\"district\"><option value=\"\">Tất cả</option>\(options)</select></label>"
            }()
        let kept: [(String, String)] = [
            query.sort != query.defaultSort ? ("sort", query.sort.rawValue) : nil,
            query.status.parameter.map { ("status", $0) },
        ].compactMap { $0 }
        let hidden = kept.map { name, value -> HTML in "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">" }
        return """
            <form method="get" action="\(base)#don-vi" class="noprint"><label>Tìm đơn vị <input class="text" type="search" name="q" value="\(query.search)" placeholder="vd: ngo quyen"></label>\(districtSelect)\(hidden) <button class="button" type="submit">Lọc</button></form>
            """
    }

    /// "Cần chú ý" (over, short, not reported) and each status, with how many units each would show.
    private func statusLinks(_ table: UnitTablePage) -> HTML {
        let counts = table.statusCounts
        let attention = (counts[.over] ?? 0) + (counts[.short] ?? 0) + (counts[.notReported] ?? 0)
        let filters: [(DashboardQuery.StatusFilter, String, Int)] = [
            (.all, "Tất cả", table.inScope), (.attention, "Cần chú ý", attention),
            (.only(.over), "Vượt", counts[.over] ?? 0), (.only(.short), "Thiếu", counts[.short] ?? 0),
            (.only(.notReported), "Chưa báo cáo", counts[.notReported] ?? 0), (.only(.met), "Đạt", counts[.met] ?? 0),
        ]
        let links = filters.map { filter, label, count -> HTML in
            filter == query.status
                ? "<strong aria-current=\"true\">\(label) (\(Format.count(count)))</strong>"
                : "<a href=\"\(query.with(status: filter).href(base))#don-vi\">\(label) (\(Format.count(count)))</a>"
        }
        return "<p class=\"filters noprint\">Lọc theo chỉ tiêu: \(HTML.join(links, separator: " · "))</p>"
    }

    private func pager(_ table: UnitTablePage) -> HTML {
        guard table.pageCount > 1 else { return .empty }
        let page = table.page
        func link(_ target: Int, _ label: String, rel: String? = nil) -> HTML {
            let relation: HTML = rel.map { value -> HTML in " rel=\"\(value)\"" } ?? .empty
            return "<a href=\"\(query.with(page: target).href(base))#don-vi\"\(relation)>\(label)</a>"
        }
        var parts: [HTML] = []
        if page > 1 {
            parts.append(link(1, "« Trang đầu"))
            parts.append(link(page - 1, "‹ Trang trước", rel: "prev"))
        }
        parts.append("<span>Trang \(Format.count(page))/\(Format.count(table.pageCount))</span>")
        if page < table.pageCount {
            parts.append(link(page + 1, "Trang sau ›", rel: "next"))
            parts.append(link(table.pageCount, "Trang cuối »"))
        }
        return "<nav class=\"pages noprint\" aria-label=\"Trang\">\(HTML.join(parts, separator: " · "))</nav>"
    }

    private func questionTable() -> HTML {
        QuestionSatisfactionTable.render(
            data.questions,
            note: flagNote.isEmpty ? .empty : "<p class=\"note\">Số trả lời và tỷ lệ hài lòng\(flagNote).</p>")
    }

    private func topList() -> HTML {
        let items = data.top.map { unit -> HTML in
            "<li>\(unitLink(unit)) – \(Format.percent(unit.satisfiedShare)) hài lòng, \(Format.count(unit.answers)) phiếu</li>"
        }
        guard !items.isEmpty else { return .empty }
        return "<h2>Đơn vị đề xuất khen thưởng</h2><ol>\(items)</ol>"
    }

    private func todayBoard() -> HTML {
        let groups: [(ReportedToday, String)] = [(.onTime, "ok"), (.late, "warn"), (.missing, "bad")]
        let lists = groups.map { state, style -> HTML in
            let names = data.units.filter { $0.reportedToday == state }.map { unit -> HTML in
                "<li>\(unitLink(unit))</li>"
            }
            return
                "<div class=\"\(style)\"><h3>\(state.label) (\(Format.count(names.count)))</h3><ul>\(names)</ul></div>"
        }
        let reminder: HTML =
            data.reminders.map { list in
                list.entries.isEmpty
                    ? "<p class=\"ok\">Tất cả đơn vị đã báo cáo hôm nay.</p>"
                    : "<p><label for=\"nhac\">Danh sách cần nhắc (sao chép gửi Zalo):</label></p><textarea id=\"nhac\" rows=\"5\" readonly>\(list.text)</textarea>"
            } ?? .empty
        return """
            <h2>Báo cáo ngày \(today.vietnamese)</h2>
            <div class="today">\(lists)</div>
            \(reminder)
            """
    }

    private func lateEntryForm() -> HTML {
        let options = data.units.map { unit -> HTML in "<option value=\"\(unit.code)\">\(unit.name)</option>" }
        return """
            <h2>Mở báo cáo muộn</h2>
            <form method="post" action="\(SiteRoute.lateEntry(campaign: campaignID).path)" class="stack">
            \(AdminLayout.csrfField(csrf))
            <p><label>Đơn vị <select name="unit">\(options)</select></label></p>
            <p><label>Ngày <input type="date" name="date" value="\(today.iso)" required></label></p>
            <p><label>Lý do <input class="text" type="text" name="reason" maxlength="500" required></label></p>
            <p><label>Hạn nhập (trống: hết ngày mai) <input type="date" name="until" min="\(today.iso)"></label></p>
            <p><button class="button" type="submit">Mở báo cáo muộn</button></p>
            </form>
            <p><a href="\(SiteRoute.lateEntries.path)">Các lượt mở nhập muộn còn hạn</a></p>
            """
    }

    private func ownUnit() -> HTML {
        guard let unit = data.units.first else { return "<p>Đơn vị không thuộc đợt khảo sát này.</p>" }
        let quota = unit.quota
        let window: HTML =
            context.campaign.window.contains(now)
            ? "<p class=\"ok\">Đang trong khung giờ báo cáo (\(context.campaign.window.text)).</p>"
            : "<p class=\"note\">Khung giờ báo cáo: \(context.campaign.window.text) hằng ngày.</p>"
        return """
            <div class="cards">
            <p><strong>\(Format.count(unit.answers))</strong> phiếu (hôm nay \(Format.count(unit.answersToday)))</p>
            <p><strong>\(Format.count(unit.visitors))</strong> lượt khách đã báo cáo</p>
            <p class="s-\(unit.quotaStatus.rawValue)">Chỉ tiêu: <strong>\(unit.quotaStatus.label)</strong> (\(Format.count(quota.answers)) phiếu, cần \(Format.count(quota.lowerBound))–\(Format.count(quota.upperBound)))</p>
            <p>Hài lòng: <strong>\(Format.percent(unit.satisfiedShare))</strong></p>
            <p>Hôm nay: \(unit.reportedToday.label)</p>
            <p>Góp ý đang chờ: \(Format.count(unit.suggestionsWaiting))</p>
            </div>
            \(window)
            <p><a href="\(SiteRoute.campaignUnit(campaign: campaignID, unit: unit.code).path)">Chi tiết đơn vị: báo cáo từng ngày, mức hài lòng theo câu hỏi</a></p>
            """
    }
}
