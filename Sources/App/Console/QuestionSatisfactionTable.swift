import HTML
import Store

/// Satisfaction per evaluative question, as the dashboard and a unit's page show it.
enum QuestionSatisfactionTable {
    /// `note` goes under the heading (what the figures include, e.g. flagged answers).
    static func render(_ questions: [QuestionSatisfaction], note: HTML = .empty, tableClass: String = "questions")
        -> HTML
    {
        let rows = questions.filter(\.evaluative).map { question -> HTML in
            "<tr><td>\(question.label)</td><td>\(question.text)</td><td>\(Format.count(question.validAnswers))</td><td>\(Format.percent(question.positiveShare))</td></tr>"
        }
        guard !rows.isEmpty else { return .empty }
        return """
            <h2>Mức hài lòng theo câu hỏi</h2>\(note)
            <div class="scroll"><table class="\(tableClass)"><thead><tr><th>Câu</th><th>Nội dung</th><th>Số trả lời</th><th>Hài lòng</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }
}
