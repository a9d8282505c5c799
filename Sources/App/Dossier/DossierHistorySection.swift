import HTML
import Store
import Survey

/// Every score given, per criterion and oldest first (who, when, points, justification), then the dossier's
/// timeline: each step with who took it, when and the comment.
struct DossierHistorySection {
    let dossier: Dossier

    func render() -> HTML {
        let byCriterion = Dictionary(grouping: dossier.history, by: \.criterionCode)
        let criteria = dossier.criteriaSet.scorable.compactMap { criterion -> HTML? in
            guard let scores = byCriterion[criterion.code], !scores.isEmpty else { return nil }
            let rows = scores.map { score -> HTML in
                """
                <tr><td data-label="Lúc">\(DeskRoutes.dateTime(score.at))</td><td data-label="Bước">\(score.stage.label)</td><td data-label="Điểm">\(Format.points(score.points))</td><td data-label="Căn cứ, nhận xét">\(score.note)</td><td data-label="Người chấm">\(score.username)</td></tr>
                """
            }
            return """
                <details><summary>Tiêu chí \(criterion.code) · \(Format.count(scores.count)) lần chấm</summary>
                <table class="cards score-history"><thead><tr><th>Lúc</th><th>Bước</th><th>Điểm</th><th>Căn cứ, nhận xét</th><th>Người chấm</th></tr></thead><tbody>\(rows)</tbody></table></details>
                """
        }
        let events = dossier.events.map { event -> HTML in
            let note: HTML = event.note.isEmpty ? .empty : " – \(event.note)"
            return """
                <li><time>\(DeskRoutes.dateTime(event.at))</time> · <strong>\(event.label)</strong> (\(event.username)) → \(event.toState.label)\(note)</li>
                """
        }
        let history: HTML =
            criteria.isEmpty ? "<p class=\"note\">Chưa có điểm nào.</p>" : HTML.join(criteria, separator: "\n")
        return """
            <section id="lich-su"><h2>Lịch sử chấm điểm</h2>
            \(history)
            </section>
            <section id="dien-bien"><h2>Diễn biến hồ sơ</h2>
            <ol class="timeline">\(events)</ol>
            </section>
            """
    }
}
