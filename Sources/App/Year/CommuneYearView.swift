import HTML
import Store
import Survey

/// The markup of a commune's year: the year in figures, the trend by quarter, then one section per form (every
/// form of the catalogue; a form without a campaign says so) with its campaigns, quota, punctuality and
/// satisfaction per question. Every number through `Format`.
struct CommuneYearView {
    let year: CommuneYear
    let user: AuthenticatedUser
    let today: LocalDate

    func render() -> HTML {
        HTML.join(
            [header(), figures(), trend(), HTML.join(year.forms.map(form), separator: "\n"), links()],
            separator: "\n")
    }

    private func header() -> HTML {
        let district: HTML = year.districtName.map { name -> HTML in "\(name) · " } ?? .empty
        return """
            <h1>\(year.name) – năm \(String(year.year))</h1>
            <p class="note">\(district)mã \(year.code) · \(Format.count(year.campaignCount)) đợt khảo sát trong năm · số liệu đến ngày \(today.vietnamese)</p>
            """
    }

    private func figures() -> HTML {
        let index: HTML =
            switch year.outcome {
            case .index(let value): "Chỉ số hài lòng năm: <strong>\(Format.percent(value))</strong>"
            case .unranked(let reason): "Chỉ số hài lòng năm: <strong>chưa xếp hạng</strong> (\(reason.label))"
            }
        let reports = year.punctuality
        let suggestions = year.suggestions
        return """
            <h2>Cả năm</h2>
            <div class="cards">
            <p><strong>\(Format.count(year.answers))</strong> phiếu trong năm</p>
            <p>\(index)</p>
            <p>Báo cáo ngày: đúng giờ \(Format.count(reports.onTime)) · muộn \(Format.count(reports.late)) · không có \(Format.count(reports.missing)) trên \(Format.count(reports.days)) ngày của các đợt</p>
            <p>Góp ý nhận trong năm: <strong>\(Format.count(suggestions.received))</strong> · đã trả lời \(Format.count(suggestions.answered)) · đã giải quyết \(Format.count(suggestions.resolved))</p>
            </div>
            """
    }

    private func trend() -> HTML {
        let rows = year.quarters.map { quarter -> HTML in
            "<tr><td>Quý \(quarter.number)</td><td>\(Format.count(quarter.answers))</td><td>\(Format.percent(quarter.satisfiedShare))</td></tr>"
        }
        return """
            <h2>Theo quý</h2>
            <div class="chart">\(QuarterChart.svg(year.quarters, title: "Số phiếu và tỷ lệ hài lòng theo quý năm \(String(year.year))"))</div>
            <div class="scroll"><table class="quarters"><thead><tr><th>Quý</th><th>Số phiếu</th><th>Hài lòng</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    private func form(_ form: CommuneYear.Form) -> HTML {
        let heading: HTML = "<h2 id=\"\(form.code)\">\(form.code) – \(form.title)</h2>"
        guard !form.campaigns.isEmpty else {
            return """
                \(heading)
                <p class="note no-campaign">Năm \(String(year.year)) xã không có đợt khảo sát nào theo mẫu phiếu này.</p>
                """
        }
        let rows = form.campaigns.map { campaign -> HTML in
            let record = campaign.record
            let unitPage = SiteRoute.campaignUnit(campaign: record.id, unit: year.code).path
            let spans: HTML = campaign.spansYears ? " (đợt kéo dài sang năm khác: chỉ tính ngày trong năm)" : .empty
            let reports = campaign.punctuality
            return """
                <tr class="s-\(campaign.unit.quotaStatus.rawValue)"><td data-label="Đợt"><a href="\(unitPage)">\(record.title)</a></td><td data-label="Thời gian">\(record.schedule.startsOn.vietnamese)–\(record.schedule.endsOn.vietnamese)\(spans)</td><td data-label="Phiếu trong năm">\(Format.count(campaign.answersInYear))</td><td data-label="Hài lòng">\(Format.percent(campaign.unit.satisfiedShare))</td><td data-label="Chỉ tiêu">\(campaign.unit.quotaStatus.label)</td><td data-label="Báo cáo đúng giờ / muộn / không có">\(Format.count(reports.onTime)) / \(Format.count(reports.late)) / \(Format.count(reports.missing))</td></tr>
                """
        }
        let counted: HTML =
            form.counted
            ? "tính vào chỉ số năm với trọng số \(Format.decimal(form.weight, digits: 2))"
            : "không tính vào chỉ số năm (trọng số \(Format.decimal(form.weight, digits: 2)), cần ít nhất \(Format.count(year.index.minimumAnswers)) phiếu có đánh giá)"
        let questions = form.questions.map { question -> HTML in
            "<tr><td>\(question.label)</td><td>\(question.text)</td><td>\(Format.count(question.validAnswers))</td><td>\(Format.percent(question.positiveShare))</td></tr>"
        }
        let questionTable: HTML =
            questions.isEmpty
            ? .empty
            : """
            <div class="scroll"><table class="questions"><thead><tr><th>Câu</th><th>Nội dung</th><th>Số trả lời</th><th>Hài lòng</th></tr></thead><tbody>\(questions)</tbody></table></div>
            """
        return """
            \(heading)
            <p>Cả năm: <strong>\(Format.count(form.result.answers))</strong> phiếu, hài lòng <strong>\(Format.percent(form.result.satisfiedShare))</strong> · \(counted)</p>
            <table class="cards year-campaigns"><thead><tr><th>Đợt</th><th>Thời gian</th><th>Phiếu trong năm</th><th>Hài lòng</th><th>Chỉ tiêu</th><th>Báo cáo đúng giờ / muộn / không có</th></tr></thead><tbody>\(rows)</tbody></table>
            \(questionTable)
            """
    }

    private func links() -> HTML {
        var links: [HTML] = [
            "<a href=\"\(SiteRoute.yearRankings(year: year.year).path)\">Xếp hạng năm \(String(year.year))</a>",
            "<a href=\"\(SiteRoute.dossier(year: year.year, unit: year.code).path)\">Hồ sơ công nhận năm \(String(year.year))</a>",
        ]
        if YearRoutes.isAllowed(year.year - 1, today: today) {
            links.append(
                "<a href=\"\(SiteRoute.communeYear(year: year.year - 1, unit: year.code).path)\">← Năm \(String(year.year - 1))</a>"
            )
        }
        if YearRoutes.isAllowed(year.year + 1, today: today) {
            links.append(
                "<a href=\"\(SiteRoute.communeYear(year: year.year + 1, unit: year.code).path)\">Năm \(String(year.year + 1)) →</a>"
            )
        }
        return "<p class=\"actions noprint\">\(HTML.join(links, separator: " · "))</p>"
    }
}
