import HTML
import Store
import Survey

/// The markup of a unit's page in a campaign: who and where, its figures as the dashboard counts them,
/// satisfaction per question, answers per day, and its daily reports day by day. Every number through `Format`.
struct CampaignUnitView {
    let context: ConsoleContext
    let summary: CampaignUnitSummary
    let today: LocalDate

    var campaignID: Int64 { context.campaign.id }
    var unit: CommuneSummary { summary.unit }

    func render() -> HTML {
        HTML.join([header(), figures(), questions(), chart(), reports(), links()], separator: "\n")
    }

    private func header() -> HTML {
        let campaign = context.campaign
        let district: HTML =
            unit.level == "district"
            ? "Bộ phận một cửa cấp huyện · "
            : unit.districtName.map { name -> HTML in "\(name) · " } ?? .empty
        return """
            <h1>\(unit.name)</h1>
            <p class="note">\(district)mã \(unit.code) · đợt <a href="\(SiteRoute.dashboard(campaign: campaignID).path)">\(campaign.title)</a> (\(campaign.formCode), từ \(campaign.schedule.startsOn.vietnamese) đến \(campaign.schedule.endsOn.vietnamese), \(campaign.schedule.state.label)) · hôm nay \(today.vietnamese)</p>
            """
    }

    private func figures() -> HTML {
        let quota = unit.quota
        let basis = quota.basis == .headcount ? "số cán bộ, công chức" : "lượt khách ngày có báo cáo"
        let uncounted: HTML =
            quota.uncountedAnswers > 0
            ? " · \(Format.count(quota.uncountedAnswers)) phiếu ngày chưa báo cáo không tính" : .empty
        let flagNote: HTML =
            unit.flaggedOpen > 0
            ? " <span class=\"note\">(gồm \(Format.count(unit.flaggedOpen)) phiếu bị gắn cờ chưa xác nhận)</span>"
            : " <span class=\"note\">(không có phiếu bị gắn cờ chưa xác nhận)</span>"
        return """
            <h2>Số liệu</h2>
            <div class="cards">
            <p><strong>\(Format.count(unit.answers))</strong> phiếu (hôm nay \(Format.count(unit.answersToday)))</p>
            <p><strong>\(Format.count(unit.visitors))</strong> lượt khách đã báo cáo</p>
            <p class="s-\(unit.quotaStatus.rawValue)">Chỉ tiêu: <strong>\(unit.quotaStatus.label)</strong> (\(Format.count(quota.answers)) phiếu, cần \(Format.count(quota.lowerBound))–\(Format.count(quota.upperBound)) theo \(Format.count(quota.base)) \(basis)\(uncounted))</p>
            <p>Hài lòng: <strong>\(Format.percent(unit.satisfiedShare))</strong>\(flagNote)</p>
            <p>Báo cáo ngày: đúng giờ \(Format.count(unit.reportsOnTime)) · muộn \(Format.count(unit.lateReports)) · không có \(Format.count(summary.reportsMissing))</p>
            </div>
            """
    }

    private func questions() -> HTML {
        QuestionSatisfactionTable.render(summary.questions)
    }

    private func chart() -> HTML {
        """
        <h2>Số phiếu theo ngày</h2><div class="chart">\(AnswersChart.svg(days: summary.answersPerDay, title: "Số phiếu của \(unit.name) theo ngày"))</div>
        """
    }

    /// The campaign's days through today, newest first; a day without a report says whether it is still due.
    private func reports() -> HTML {
        let rows = summary.days.map { day -> HTML in
            let report = day.report
            func figure(_ value: (DailyReport) -> Int) -> HTML { report.map { "\(Format.count(value($0)))" } ?? "–" }
            return """
                <tr class="r-\(day.state.rawValue)"><td>\(day.date.vietnamese)</td><td>\(figure(\.visitors))</td><td>\(figure(\.guided))</td><td>\(figure(\.volunteers))</td><td>\(day.state.label)</td><td>\(figure(\.version))</td></tr>
                """
        }
        guard !rows.isEmpty else {
            return "<h2>Báo cáo ngày</h2><p class=\"note\">Đợt khảo sát chưa bắt đầu.</p>"
        }
        return """
            <h2>Báo cáo ngày</h2>
            <div class="scroll"><table class="reports"><thead><tr><th>Ngày</th><th>Khách</th><th>Được hướng dẫn</th><th>Tình nguyện viên</th><th>Nộp</th><th>Số lần nộp</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    /// Back to the dashboard, and for a province or district to the dashboard's table narrowed to this unit's
    /// district.
    private func links() -> HTML {
        let dashboard = SiteRoute.dashboard(campaign: campaignID).path
        var links: [HTML] = ["<a href=\"\(dashboard)\">← Về bảng theo dõi của đợt</a>"]
        if context.user.role != .commune {
            let flags = SiteRoute.unitFlags(campaign: campaignID, unit: unit.code).path
            links.append("<a href=\"\(flags)\">Phiếu bị gắn cờ (\(Format.count(unit.flagged)))</a>")
            links.append(
                "<a href=\"\(SiteRoute.unitTexts(campaign: campaignID, unit: unit.code).path)\">Ý kiến ghi thêm</a>")
        }
        links += YearLinks.communeYear(unit, in: context.campaign)
        if context.user.role == .province, let district = unit.districtCode {
            var query = DashboardQuery(defaultSort: .status)
            query.district = district
            let name = unit.districtName ?? district
            links.append("<a href=\"\(query.href(dashboard))#don-vi\">Các đơn vị của \(name)</a>")
        }
        return "<p class=\"actions noprint\">\(HTML.join(links, separator: " · "))</p>"
    }
}
