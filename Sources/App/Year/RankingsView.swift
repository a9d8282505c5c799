import HTML
import Store
import Survey

/// The year's rankings: the rule and its weights (data, shown as they stand), the districts, then the communes
/// in scope ranked (a page of `pageSize`), the unranked after them with their reason.
struct RankingsView {
    static let pageSize = 200

    let rankings: YearRankings
    let user: AuthenticatedUser
    /// The communes shown (already in scope and in the chosen district).
    let communes: [YearUnitResult]
    /// The districts shown (the province sees all, a district its own, a commune its own).
    let districts: [YearUnitResult]
    /// The district narrowed to (`?district=`), for the heading and the page links.
    let district: YearUnitResult?
    let page: Int
    let csrf: String?

    var year: Int { rankings.year }

    func render() -> HTML {
        HTML.join([header(), rule(), districtTable(), communeTable()], separator: "\n")
    }

    private func header() -> HTML {
        let narrowed: HTML = district.map { " – \($0.name)" } ?? .empty
        return """
            <h1>Xếp hạng năm \(String(year))\(narrowed)</h1>
            <p class="note">\(Format.count(rankings.campaigns)) đợt khảo sát trong năm · \(Format.count(rankings.communes.count)) xã được khảo sát</p>
            """
    }

    /// The index's definition and weights, as the data says now.
    private func rule() -> HTML {
        let index = rankings.index
        let codes = Set(index.weights.keys).union(rankings.formCodes).sorted()
        let rows = codes.map { code -> HTML in
            "<tr><td>\(code)</td><td>\(Format.decimal(index.weight(of: code), digits: 2))</td></tr>"
        }
        return """
            <h2 id="cach-tinh">Cách tính</h2>
            <p>Chỉ số hài lòng năm là trung bình có trọng số của tỷ lệ hài lòng từng mẫu phiếu trong năm; chỉ tính mẫu phiếu có trọng số lớn hơn 0 và có ít nhất <strong>\(Format.count(index.minimumAnswers))</strong> phiếu trong năm, trọng số được chia lại trên các mẫu phiếu có mặt. Tỷ lệ hài lòng của một mẫu phiếu là trung bình các đợt theo số phiếu trong năm. Cùng chỉ số thì cùng hạng, hạng tiếp theo bỏ qua số chỗ đồng hạng (1, 2, 2, 4); đồng hạng xếp theo mã. Huyện được xếp theo số liệu gộp các xã của huyện.</p>
            <div class="scroll"><table class="weights"><thead><tr><th>Mẫu phiếu</th><th>Trọng số</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(weightsForm(codes))
            """
    }

    /// The province changes the weighting here (one POST, 303 back); other roles only read it.
    private func weightsForm(_ codes: [String]) -> HTML {
        guard user.role == .province else { return .empty }
        let index = rankings.index
        let fields = codes.map { code -> HTML in
            let value = DecimalText.format(index.weight(of: code), digits: 2, mark: ",")
            return """
                <label>\(code) <input type="text" inputmode="decimal" name="weight-\(code)" value="\(value)" size="5"></label>
                """
        }
        return """
            <details class="noprint"><summary>Sửa trọng số</summary>
            <form method="post" action="\(SiteRoute.indexWeights(year: year).path)" class="weights-form">
            \(AdminLayout.csrfField(csrf))
            <p>\(HTML.join(fields, separator: " "))</p>
            <p><label>Số phiếu tối thiểu của một mẫu phiếu trong năm <input type="number" min="1" name="minimum" value="\(index.minimumAnswers)"></label></p>
            <p class="note">Trọng số từ 0 đến 100 (0: không tính mẫu phiếu đó). Áp dụng cho mọi năm và ghi vào nhật ký.</p>
            <p><button type="submit">Lưu trọng số</button></p>
            </form></details>
            """
    }

    private func formCells(_ unit: YearUnitResult) -> HTML {
        HTML.join(
            rankings.formCodes.map { code -> HTML in
                guard let result = unit.forms[code] else { return "<td data-label=\"\(code)\">–</td>" }
                return
                    "<td data-label=\"\(code)\">\(Format.percent(result.satisfiedShare)) <span class=\"note\">(\(Format.count(result.answers)))</span></td>"
            })
    }

    private func formHeadings() -> HTML {
        HTML.join(rankings.formCodes.map { code -> HTML in "<th>\(code)</th>" })
    }

    private func outcome(_ unit: YearUnitResult) -> HTML {
        switch unit.outcome {
        case .index(let value): "\(Format.percent(value))"
        case .unranked(let reason): "<span class=\"note\">Chưa xếp hạng: \(reason.label)</span>"
        }
    }

    private func rank(_ rank: Int?) -> HTML {
        rank.map { "\(Format.count($0))" } ?? "–"
    }

    private func districtTable() -> HTML {
        guard !districts.isEmpty else { return .empty }
        let rows = YearRankings.ordered(districts, by: \.rankInProvince).map { place -> HTML in
            let unit = districts[place]
            let link = SiteRoute.yearRankings(year: year).href([("district", unit.code)])
            return """
                <tr><td data-label="Hạng">\(rank(unit.rankInProvince))</td><td data-label="Huyện"><a href="\(link)">\(unit.name)</a></td><td data-label="Chỉ số">\(outcome(unit))</td>\(formCells(unit))</tr>
                """
        }
        return """
            <h2>Các huyện</h2>
            <table class="cards year-districts"><thead><tr><th>Hạng</th><th>Huyện</th><th>Chỉ số</th>\(formHeadings())</tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    private func communeTable() -> HTML {
        let ordered = YearRankings.ordered(communes, by: district == nil ? \.rankInProvince : \.rankInDistrict)
        let pages = max(1, (ordered.count + Self.pageSize - 1) / Self.pageSize)
        let current = min(max(1, page), pages)
        let shown = ordered.dropFirst((current - 1) * Self.pageSize).prefix(Self.pageSize)
        let rows = shown.map { place -> HTML in
            let unit = communes[place]
            let page = SiteRoute.communeYear(year: year, unit: unit.code).path
            return """
                <tr><td data-label="Hạng trong tỉnh">\(rank(unit.rankInProvince))</td><td data-label="Hạng trong huyện">\(rank(unit.rankInDistrict))</td><td data-label="Xã"><a href="\(page)">\(unit.name)</a> <span class="note">\(unit.code)</span></td><td data-label="Huyện">\(unit.districtName ?? "–")</td><td data-label="Chỉ số">\(outcome(unit))</td>\(formCells(unit))</tr>
                """
        }
        guard !rows.isEmpty else {
            return "<h2>Các xã</h2><p>Năm \(String(year)) chưa có đợt khảo sát nào trong phạm vi này.</p>"
        }
        var pager: HTML = .empty
        if pages > 1 {
            let links = (1...pages).map { number -> HTML in
                if number == current { return "<strong>\(number)</strong>" }
                let href = SiteRoute.yearRankings(year: year).href([
                    ("district", district?.code), ("page", String(number)),
                ])
                return "<a href=\"\(href)\">\(number)</a>"
            }
            pager = "<p class=\"pages\">Trang: \(HTML.join(links, separator: " "))</p>"
        }
        return """
            <h2 id="xa">Các xã</h2>
            <table class="cards year-communes"><thead><tr><th>Hạng trong tỉnh</th><th>Hạng trong huyện</th><th>Xã</th><th>Huyện</th><th>Chỉ số</th>\(formHeadings())</tr></thead><tbody>\(rows)</tbody></table>
            \(pager)
            """
    }
}
