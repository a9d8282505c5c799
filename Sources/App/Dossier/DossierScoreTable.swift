import HTML
import Store
import Survey

/// The criteria table of a dossier: maximum, then each stage's points with its justification or comment, parent
/// criteria as the sum of their sub-criteria, the totals and the pass rule's verdict per stage. The column of the
/// stage the viewer scores now is a form (the subject never types the satisfaction criterion: it is proposed).
struct DossierScoreTable {
    let set: CriteriaSet
    let dossier: Dossier?
    let actor: DossierActor
    let year: Int
    let unit: String
    /// The satisfaction points proposed (recorded, or live before submission).
    let proposal: Double
    let csrf: String?

    var stages: [ScoreStage] {
        self.set.subjectKind.hasReview ? [.selfAssessment, .district, .province] : [.selfAssessment, .province]
    }

    /// The stage this viewer scores now, if any.
    var editing: ScoreStage? {
        guard let dossier, let scoring = DossierWorkflow.scoring(dossier.record.state, kind: set.subjectKind),
            scoring.actor == actor
        else { return nil }
        return scoring.stage
    }

    func render() -> HTML {
        let current = Dictionary(uniqueKeysWithValues: stages.map { ($0, dossier?.current($0) ?? [:]) })
        let points = current.mapValues { $0.mapValues(\.points) }
        let scorable = Set(set.scorable.map(\.code))
        let rows = set.criteria.map { criterion -> HTML in
            let isParent = !scorable.contains(criterion.code)
            let cells = stages.map { stage -> HTML in
                let label = stage.label
                if isParent {
                    return
                        "<td data-label=\"\(label)\"><strong>\(Format.points(set.points(of: criterion, in: points[stage] ?? [:])))</strong></td>"
                }
                if stage == editing {
                    return
                        "<td data-label=\"\(label)\">\(input(criterion, stage: stage, current[stage]?[criterion.code]))</td>"
                }
                guard let score = current[stage]?[criterion.code] else { return "<td data-label=\"\(label)\">–</td>" }
                let note: HTML = score.note.isEmpty ? .empty : "<br><span class=\"note\">\(score.note)</span>"
                return "<td data-label=\"\(label)\">\(Format.points(score.points))\(note)</td>"
            }
            let minimum: HTML =
                criterion.minimumPoints.map { " <span class=\"note\">(tối thiểu \(Format.points($0)))</span>" }
                ?? .empty
            let mark: HTML =
                criterion.isSatisfaction ? " <span class=\"note\">(đề xuất từ kết quả khảo sát)</span>" : .empty
            let title: HTML =
                isParent
                ? "<strong>\(criterion.code). \(criterion.title)</strong>" : "\(criterion.code). \(criterion.title)"
            return """
                <tr class="\(criterion.parentCode == nil ? "criterion" : "sub-criterion")"><td data-label="Tiêu chí">\(title)\(mark)</td><td data-label="Tối đa">\(Format.points(criterion.maxPoints))\(minimum)</td>\(HTML.join(cells))</tr>
                """
        }
        let totals = stages.map { stage -> HTML in
            let given = points[stage] ?? [:]
            guard !given.isEmpty else { return "<td data-label=\"\(stage.label)\">–</td>" }
            let verdict = set.verdict(given)
            let word: HTML =
                !verdict.complete
                ? "chưa chấm đủ" : verdict.passes ? "<strong>đạt</strong>" : "<strong>chưa đạt</strong>"
            return "<td data-label=\"\(stage.label)\"><strong>\(Format.points(verdict.total))</strong> · \(word)</td>"
        }
        let headings = stages.map { stage -> HTML in "<th>\(stage.label)</th>" }
        let table: HTML = """
            <table class="cards dossier-scores"><thead><tr><th>Tiêu chí</th><th>Tối đa</th>\(HTML.join(headings))</tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">Tổng cộng</th><td data-label="Tối đa">\(Format.points(set.maxTotal))</td>\(HTML.join(totals))</tr></tfoot></table>
            """
        guard let editing else { return "<section id=\"diem\"><h2>Điểm theo tiêu chí</h2>\n\(table)</section>" }
        let hint: HTML =
            editing == .selfAssessment
            ? "Ghi điểm (có thể lẻ 0,25; 0,5) và căn cứ chấm của từng tiêu chí, rồi bấm Lưu điểm. Lưu nhiều lần được; mỗi lần sửa đều được ghi lại."
            : "Ghi điểm và nhận xét của từng tiêu chí. Điểm tiêu chí sự hài lòng để nguyên là điểm đề xuất; nếu điều chỉnh phải ghi lý do."
        return """
            <section id="diem"><h2>Điểm theo tiêu chí</h2>
            <p class="note">\(hint)</p>
            <form method="post" action="\(SiteRoute.dossierScores(year: year, unit: unit).path)">\(AdminLayout.csrfField(csrf))
            \(table)
            <p><button type="submit">Lưu điểm (\(editing.label.lowercased()))</button></p>
            </form></section>
            """
    }

    private func input(_ criterion: Criterion, stage: ScoreStage, _ score: DossierScore?) -> HTML {
        if criterion.isSatisfaction, stage == .selfAssessment {
            return "<strong>\(Format.points(proposal))</strong> <span class=\"note\">(đề xuất)</span>"
        }
        let value = score.map { Format.points($0.points) } ?? (criterion.isSatisfaction ? Format.points(proposal) : "")
        let noteLabel =
            criterion.isSatisfaction
            ? "Lý do điều chỉnh (bắt buộc nếu khác \(Format.points(proposal)))"
            : stage == .selfAssessment ? "Căn cứ tự chấm" : "Nhận xét"
        return """
            <label>Điểm <input type="text" inputmode="decimal" name="points-\(criterion.code)" value="\(value)" size="5"></label>
            <label class="note-field">\(noteLabel)<br><textarea name="note-\(criterion.code)" rows="2" cols="28">\(score?.note ?? "")</textarea></label>
            """
    }
}
