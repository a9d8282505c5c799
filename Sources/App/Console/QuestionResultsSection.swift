import HTML
import Store

/// "Kết quả theo từng câu hỏi": one small table per choice question (option, count, share), follow-ups right after
/// their parent, as the dashboard and the print page show the official results. A table of three narrow columns
/// per question stays readable at 360 px where one wide question × option grid would not.
enum QuestionResultsSection {
    /// Nothing for a form without a choice question.
    static func render(_ results: QuestionResults?) -> HTML {
        guard let results, !results.questions.isEmpty else { return .empty }
        let tables = results.questions.map(table)
        return """
            <h2 id="theo-cau-hoi">Kết quả theo từng câu hỏi</h2>
            <p class="note">\(scopeNote(results))</p>
            <div class="question-results">\(HTML.join(tables, separator: "\n"))</div>
            """
    }

    /// How many answers the tables count, and how many of those are flagged and not yet confirmed (always said,
    /// 0 included, so a reader knows it was checked).
    static func scopeNote(_ results: QuestionResults) -> String {
        "Tính trên \(Format.count(results.answers)) phiếu, trong đó \(Format.count(results.flaggedOpen)) phiếu bị gắn cờ chưa xác nhận (vẫn được tính). Tỷ lệ là số phiếu chọn phương án chia cho số người trả lời câu hỏi."
    }

    static func table(_ question: QuestionResults.Question) -> HTML {
        let follows: HTML =
            question.parentNumber.map { parent -> HTML in " <small>(hỏi thêm sau câu \(parent))</small>" } ?? .empty
        let rows = question.options.map { option -> HTML in
            "<tr><td>\(option.label)</td><td class=\"num\">\(Format.count(option.count))</td><td class=\"num\">\(Format.percent(option.share))</td></tr>"
        }
        let answered = Format.count(question.answered)
        return """
            <table class="question-result" id="cau-\(question.number)"><caption><strong>\(question.label)</strong>\(follows). \(question.text)</caption>
            <thead><tr><th scope="col">Phương án</th><th scope="col">Số phiếu</th><th scope="col">Tỷ lệ</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">Số người trả lời</th><td class="num">\(answered)</td><td></td></tr></tfoot></table>
            """
    }
}
