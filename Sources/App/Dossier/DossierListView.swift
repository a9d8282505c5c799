import HTML
import Store
import Survey

/// The year's dossiers: for the province the share of communes recognised by district against the yearly target,
/// then the district committees' dossiers, then the communes' (state, totals per stage, verdict, missing
/// documents, decision); a district sees its own committee and its communes.
struct DossierListView {
    let year: Int
    let user: AuthenticatedUser
    let communes: [DossierListItem]
    let districts: [DossierListItem]
    let target: Double
    let narrowed: String?

    func render() -> HTML {
        HTML.join([header(), shares(), districtTable(), communeTable()], separator: "\n")
    }

    private func header() -> HTML {
        let export = SiteRoute.dossiersExport(year: year).href([("district", narrowed)])
        let print = SiteRoute.dossiersPrint(year: year).href([("district", narrowed)])
        return """
            <h1>Hồ sơ công nhận năm \(String(year))</h1>
            <p class="actions noprint"><a class="button" href="\(export)">Xuất Excel</a> <a class="button" href="\(print)">Bản in danh sách đề nghị công nhận</a>\(criteriaLink)</p>
            """
    }

    private var criteriaLink: HTML {
        user.role == .province ? " <a href=\"\(SiteRoute.criteriaSets.path)\">Bộ tiêu chí</a>" : .empty
    }

    private func shares() -> HTML {
        let shares = RecognitionShare.byDistrict(communes)
        let rows = shares.districts.map { line -> HTML in
            let reached = line.reaches(target)
            let name: HTML =
                user.role == .province && line.code != nil
                ? "<a href=\"\(SiteRoute.dossiers(year: year).href([("district", line.code)]))\">\(line.name)</a>"
                : "\(line.name)"
            return """
                <tr class="\(reached ? "reached" : "short")"><td data-label="Huyện">\(name)</td><td data-label="Số xã">\(Format.count(line.communes))</td><td data-label="Đã lập hồ sơ">\(Format.count(line.started))</td><td data-label="Đã gửi">\(Format.count(line.submitted))</td><td data-label="Đã quyết định">\(Format.count(line.decided))</td><td data-label="Được công nhận">\(Format.count(line.recognised))</td><td data-label="Tỷ lệ">\(Format.percent(line.share))</td></tr>
                """
        }
        let total = shares.total
        return """
            <section id="ty-le"><h2>Tỷ lệ xã được công nhận</h2>
            <p class="lead">\(Format.count(total.recognised))/\(Format.count(total.communes)) xã được công nhận (<strong>\(Format.percent(total.share))</strong>), mục tiêu năm \(Format.percent(target)).</p>
            <table class="cards recognition-shares"><thead><tr><th>Huyện</th><th>Số xã</th><th>Đã lập hồ sơ</th><th>Đã gửi</th><th>Đã quyết định</th><th>Được công nhận</th><th>Tỷ lệ</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
    }

    private func districtTable() -> HTML {
        guard !districts.isEmpty else { return .empty }
        return """
            <h2>Ban Chỉ đạo cấp huyện</h2>
            \(table(districts, withDistrict: false, cssClass: "district-dossiers"))
            """
    }

    private func communeTable() -> HTML {
        let heading: HTML =
            narrowed.flatMap { code in communes.first { $0.districtCode == code }?.districtName }
            .map { "Các xã – \($0)" } ?? "Các xã"
        guard !communes.isEmpty else { return "<h2>\(heading)</h2><p>Không có xã nào trong phạm vi này.</p>" }
        return """
            <h2 id="xa">\(heading)</h2>
            \(table(communes, withDistrict: user.role == .province, cssClass: "commune-dossiers"))
            """
    }

    private func table(_ items: [DossierListItem], withDistrict: Bool, cssClass: String) -> HTML {
        let rows = items.map { item -> HTML in
            let link = SiteRoute.dossier(year: year, unit: item.code).path
            let district: HTML = withDistrict ? "<td data-label=\"Huyện\">\(item.districtName ?? "–")</td>" : .empty
            let verdict: HTML = item.passes.map { $0 ? "Đạt" : "Chưa đạt" }.map { "\($0)" } ?? "–"
            let missing: HTML =
                item.state == nil
                ? "–" : item.missingDocuments.isEmpty ? "Đủ" : "\(item.missingDocuments.joined(separator: "; "))"
            let decision: HTML =
                item.recognised.map { recognised -> HTML in
                    "\(recognised ? "Công nhận" : "Không công nhận") · QĐ \(item.decisionNumber ?? "") ngày \(item.decisionDate?.vietnamese ?? "")"
                } ?? "–"
            return """
                <tr class="state-\(item.state?.rawValue ?? "none")"><td data-label="Đơn vị"><a href="\(link)">\(item.name)</a> <span class="note">\(item.code)</span></td>\(district)<td data-label="Trạng thái">\(item.stateLabel)</td><td data-label="Tự chấm">\(Format.points(item.selfTotal))</td><td data-label="Huyện thẩm định">\(Format.points(item.districtTotal))</td><td data-label="Tỉnh chấm">\(Format.points(item.provinceTotal))</td><td data-label="Mức công nhận">\(verdict)</td><td data-label="Tài liệu còn thiếu">\(missing)</td><td data-label="Quyết định">\(decision)</td></tr>
                """
        }
        let districtHeading: HTML = withDistrict ? "<th>Huyện</th>" : .empty
        return """
            <table class="cards \(cssClass)"><thead><tr><th>Đơn vị</th>\(districtHeading)<th>Trạng thái</th><th>Tự chấm</th><th>Huyện thẩm định</th><th>Tỉnh chấm</th><th>Mức công nhận</th><th>Tài liệu còn thiếu</th><th>Quyết định</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }
}
