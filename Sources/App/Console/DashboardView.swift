import HTML
import Survey

/// The dashboard's markup. Tables scroll sideways on a phone instead of breaking the layout.
struct DashboardView {
    let context: ConsoleContext
    let data: DashboardRoutes.Data
    let today: LocalDate
    let now: Int64
    let sort: SortKey
    /// Folded search text ("ngo quyen"): the unit table shows only names that contain it.
    let search: String
    let csrf: String?

    enum SortKey: String, CaseIterable {
        case code, name, answers, visitors, status, satisfaction, ontime

        var label: String {
            switch self {
            case .code: "Mã"
            case .name: "Đơn vị"
            case .answers: "Tổng phiếu"
            case .visitors: "Khách (V)"
            case .status: "Chỉ tiêu"
            case .satisfaction: "Hài lòng"
            case .ontime: "Báo cáo đúng giờ"
            }
        }
    }

    var base: String { "/admin/campaigns/\(context.campaign.id)" }

    func render() -> HTML {
        let campaign = context.campaign
        var sections: [HTML] = [header()]
        switch context.user.role {
        case .province:
            if let summary = data.summary { sections.append(cards(summary)) }
            if !data.districts.isEmpty { sections.append(districtTable()) }
            sections.append(unitTable(showDistrict: data.units.contains { $0.districtCode != nil }))
            sections.append(questionTable())
            sections.append("<h2>Số phiếu theo ngày</h2><div class=\"chart\">\(AnswersChart.svg(days: data.days))</div>")
            sections.append(topList())
        case .district:
            sections.append(todayBoard())
            sections.append(unitTable(showDistrict: false))
            sections.append(lateEntryForm())
            sections.append("<h2>Số phiếu theo ngày</h2><div class=\"chart\">\(AnswersChart.svg(days: data.days))</div>")
        case .commune:
            sections.append(ownUnit())
            sections.append(questionTable())
            sections.append("<h2>Số phiếu theo ngày</h2><div class=\"chart\">\(AnswersChart.svg(days: data.days))</div>")
        }
        _ = campaign
        return HTML.join(sections, separator: "\n")
    }

    private func header() -> HTML {
        let campaign = context.campaign
        let reportLink: HTML = context.user.role == .province || !context.unitIDs.contains(context.user.unitID) ? .empty
            : "<a class=\"button primary\" href=\"\(base)/report\">Báo cáo ngày</a> "
        return """
            <h1>\(campaign.title)</h1>
            <p class="note">\(campaign.formCode) · từ \(campaign.schedule.startsOn.vietnamese) đến \(campaign.schedule.endsOn.vietnamese) · \(campaign.schedule.state.label) · khung giờ báo cáo \(campaign.window.text) · hôm nay \(today.vietnamese)</p>
            <p class="actions">\(reportLink)<a class="button" href="\(base)/export.xlsx">Xuất Excel</a> <a class="button" href="\(base)/export.csv">CSV</a> <a class="button" href="\(base)/export.csv?sep=semicolon">CSV (;)</a> <a class="button" href="\(base)/print">Bản in</a></p>
            """
    }

    private func cards(_ summary: CampaignSummary) -> HTML {
        let counts = summary.statusCounts
        let target = summary.shareMeetingThreshold.map { $0 + 1e-9 >= summary.yearlyTargetShare } ?? false
        return """
            <div class="cards">
            <p><strong>\(summary.units)</strong> đơn vị</p>
            <p><strong>\(summary.answers)</strong> phiếu (hôm nay \(summary.answersToday))</p>
            <p><strong>\(summary.visitors)</strong> lượt khách đã báo cáo</p>
            <p><strong>\(summary.reportedToday)</strong>/\(summary.units) đã báo cáo hôm nay</p>
            <p>Hài lòng chung: <strong>\(Format.percent(summary.satisfiedShare))</strong></p>
            <p class="\(target ? "ok" : "warn")">Đơn vị đạt ngưỡng \(Format.percent(summary.satisfactionThreshold)): <strong>\(Format.percent(summary.shareMeetingThreshold))</strong> (mục tiêu năm \(Format.percent(summary.yearlyTargetShare)))</p>
            <p>Chỉ tiêu: chưa báo cáo \(counts[.notReported] ?? 0) · thiếu \(counts[.short] ?? 0) · đạt \(counts[.met] ?? 0) · <span class="vuot">vượt \(counts[.over] ?? 0)</span></p>
            </div>
            """
    }

    private func districtTable() -> HTML {
        let rows = data.districts.map { district -> HTML in
            let counts = district.statusCounts
            return """
                <tr><td>\(district.name)</td><td>\(district.communes)</td><td>\(district.reportedToday)</td><td>\(district.answers)</td><td>\(district.visitors)</td><td>\(counts[.short] ?? 0)</td><td>\(counts[.met] ?? 0)</td><td>\(counts[.over] ?? 0)</td><td>\(Format.percent(district.satisfiedShare))</td></tr>
                """
        }
        return """
            <h2>Theo huyện</h2>
            <div class="scroll"><table><thead><tr><th>Huyện</th><th>Số xã</th><th>Báo cáo hôm nay</th><th>Phiếu</th><th>Khách</th><th>Thiếu</th><th>Đạt</th><th>Vượt</th><th>Hài lòng</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    private func sorted(_ units: [CommuneSummary]) -> [CommuneSummary] {
        let order: [QuotaStatus: Int] = [.over: 0, .short: 1, .notReported: 2, .met: 3]
        switch sort {
        case .code: return units.sorted { $0.code < $1.code }
        case .name: return units.sorted { $0.name.localizedStandardCompareFallback($1.name) }
        case .answers: return units.sorted { ($0.answers, $1.code) > ($1.answers, $0.code) }
        case .visitors: return units.sorted { ($0.visitors, $1.code) > ($1.visitors, $0.code) }
        case .status: return units.sorted { (order[$0.quotaStatus] ?? 9, $0.code) < (order[$1.quotaStatus] ?? 9, $1.code) }
        case .satisfaction: return units.sorted { ($0.satisfiedShare ?? -1, $1.code) > ($1.satisfiedShare ?? -1, $0.code) }
        case .ontime: return units.sorted { ($0.reportsOnTime, $1.code) > ($1.reportsOnTime, $0.code) }
        }
    }

    private func unitTable(showDistrict: Bool) -> HTML {
        let headers = SortKey.allCases.map { key -> HTML in
            key == sort ? "<th aria-sort=\"descending\">\(key.label)</th>" : "<th><a href=\"\(base)?sort=\(key.rawValue)\">\(key.label)</a></th>"
        }
        let shown = search.isEmpty ? data.units : data.units.filter { SearchText.fold($0.name).contains(search) }
        let rows = sorted(shown).map { unit -> HTML in
            let district: HTML = showDistrict ? "<td>\(unit.districtName ?? "")</td>" : .empty
            let quota = unit.quota
            return """
                <tr class="s-\(unit.quotaStatus.rawValue)"><td>\(unit.code)</td><td>\(unit.name)</td>\(district)<td>\(unit.answers) <span class="note">(hôm nay \(unit.answersToday))</span></td><td>\(unit.visitors)</td><td><strong>\(unit.quotaStatus.label)</strong> <span class="note">\(quota.answers) phiếu / cần \(quota.lowerBound)–\(quota.upperBound)\(quota.uncountedAnswers > 0 ? " · \(quota.uncountedAnswers) phiếu ngày chưa báo cáo" : "")</span></td><td>\(Format.percent(unit.satisfiedShare))</td><td>\(unit.reportsOnTime)\(unit.lateReports > 0 ? " (+\(unit.lateReports) muộn)" : "")</td><td>\(unit.reportedToday.label)</td><td>\(unit.suggestionsWaiting)</td></tr>
                """
        }
        let districtHeader: HTML = showDistrict ? "<th>Huyện</th>" : .empty
        let headerCells = Array(headers.prefix(2)) + [districtHeader] + Array(headers.dropFirst(2))
        return """
            <h2>Theo đơn vị (\(data.units.count))</h2>
            <form method="get" action="\(base)" class="noprint"><label>Tìm đơn vị <input class="text" type="search" name="q" value="\(search)" placeholder="vd: ngo quyen"></label> <button class="button" type="submit">Tìm</button></form>
            <div class="scroll"><table class="units"><thead><tr>\(headerCells)<th>Hôm nay</th><th>Góp ý chờ</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <p class="note">Hàng tô đỏ: trạng thái “vượt” – số phiếu nhiều hơn số khách cho phép, cần kiểm tra.</p>
            """
    }

    private func questionTable() -> HTML {
        let rows = data.questions.filter(\.evaluative).map { question -> HTML in
            "<tr><td>\(question.code)</td><td>\(question.text)</td><td>\(question.validAnswers)</td><td>\(Format.percent(question.positiveShare))</td></tr>"
        }
        guard !rows.isEmpty else { return .empty }
        return """
            <h2>Mức hài lòng theo câu hỏi</h2>
            <div class="scroll"><table><thead><tr><th>Câu</th><th>Nội dung</th><th>Số trả lời</th><th>Hài lòng</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private func topList() -> HTML {
        let items = data.top.map { unit -> HTML in
            "<li>\(unit.name) – \(Format.percent(unit.satisfiedShare)) hài lòng, \(unit.answers) phiếu</li>"
        }
        guard !items.isEmpty else { return .empty }
        return "<h2>Đơn vị đề xuất khen thưởng</h2><ol>\(items)</ol>"
    }

    private func todayBoard() -> HTML {
        let groups: [(ReportedToday, String)] = [(.onTime, "ok"), (.late, "warn"), (.missing, "bad")]
        let lists = groups.map { state, style -> HTML in
            let names = data.units.filter { $0.reportedToday == state }.map { unit -> HTML in "<li>\(unit.name)</li>" }
            return "<div class=\"\(style)\"><h3>\(state.label) (\(names.count))</h3><ul>\(names)</ul></div>"
        }
        let reminder: HTML = data.reminders.map { list in
            list.entries.isEmpty ? "<p class=\"ok\">Tất cả đơn vị đã báo cáo hôm nay.</p>"
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
            <form method="post" action="\(base)/late" class="stack">
            \(AdminLayout.csrfField(csrf))
            <p><label>Đơn vị <select name="unit">\(options)</select></label></p>
            <p><label>Ngày <input type="date" name="date" value="\(today.iso)" required></label></p>
            <p><label>Lý do <input class="text" type="text" name="reason" maxlength="500" required></label></p>
            <p><button class="button" type="submit">Mở báo cáo muộn</button></p>
            </form>
            """
    }

    private func ownUnit() -> HTML {
        guard let unit = data.units.first else { return "<p>Đơn vị không thuộc đợt khảo sát này.</p>" }
        let quota = unit.quota
        let window: HTML = context.campaign.window.contains(now)
            ? "<p class=\"ok\">Đang trong khung giờ báo cáo (\(context.campaign.window.text)).</p>"
            : "<p class=\"note\">Khung giờ báo cáo: \(context.campaign.window.text) hằng ngày.</p>"
        return """
            <div class="cards">
            <p><strong>\(unit.answers)</strong> phiếu (hôm nay \(unit.answersToday))</p>
            <p><strong>\(unit.visitors)</strong> lượt khách đã báo cáo</p>
            <p class="s-\(unit.quotaStatus.rawValue)">Chỉ tiêu: <strong>\(unit.quotaStatus.label)</strong> (\(quota.answers) phiếu, cần \(quota.lowerBound)–\(quota.upperBound))</p>
            <p>Hài lòng: <strong>\(Format.percent(unit.satisfiedShare))</strong></p>
            <p>Hôm nay: \(unit.reportedToday.label)</p>
            <p>Góp ý đang chờ: \(unit.suggestionsWaiting)</p>
            </div>
            \(window)
            """
    }
}

extension String {
    /// Vietnamese names sort well enough by their diacritic-free form ("Đ" with "D").
    func localizedStandardCompareFallback(_ other: String) -> Bool {
        let left = SearchText.fold(self), right = SearchText.fold(other)
        return left == right ? self < other : left < right
    }
}
