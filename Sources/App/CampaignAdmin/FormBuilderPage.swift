import HTML
import Store
import Survey

/// The form builder: one HTML form holding the whole form, with buttons that add, remove and move questions and
/// options (no JavaScript needed; each press saves and comes back to the question it touched). One field under
/// another, so it reads at 360 px.
enum FormBuilderPage {
    struct Context: Sendable {
        let document: FormDocument
        /// Path → message, from the document rules (`FormDocument.checked`).
        var errors: [String: String] = [:]
        /// Every problem, in document order, for the summary at the top.
        var problems: [String] = []
        var notice: String?
        /// Whether a campaign uses the newest version: the next save makes a new one.
        var frozen = false
        var version = 1
        var csrf: String?
    }

    static func body(_ context: Context) -> HTML {
        let document = context.document
        func error(_ name: String) -> HTML {
            context.errors[name].map { "<p class=\"error\">\($0)</p>" } ?? .empty
        }
        let summary: HTML =
            context.problems.isEmpty
            ? .empty
            : """
            <div class="error" role="alert"><p>Chưa lưu được: còn \(Format.count(context.problems.count)) chỗ cần sửa.</p>
            <ul>\(context.problems.map { problem -> HTML in "<li>\(problem)</li>" })</ul></div>
            """
        let notice: HTML = context.notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        let versionNote: HTML =
            context.frozen
            ? "<p class=\"note\">Phiên bản \(context.version) đang được một đợt khảo sát dùng nên được giữ nguyên; lần lưu tới tạo phiên bản \(context.version + 1), các đợt đã có vẫn dùng phiên bản cũ.</p>"
            : "<p class=\"note\">Phiên bản \(context.version) chưa có đợt khảo sát nào dùng: mỗi lần lưu sửa thẳng vào phiên bản này. Khi một đợt khảo sát dùng mẫu, phiên bản được giữ nguyên và lần sửa sau tạo phiên bản mới.</p>"
        let questions = document.questions.enumerated().map { index, question in
            self.question(question, index: index, document: document, error: error)
        }
        let action = SiteRoute.buildForm(form: document.code).path
        return """
            <h1>Mẫu phiếu \(document.code)</h1>
            \(notice)\(summary)\(versionNote)
            <p><a href="\(SiteRoute.previewForm(form: document.code).path)">Xem trước như người dân thấy</a> · <a href="\(SiteRoute.forms.path)">Về danh sách mẫu phiếu</a></p>
            <form class="stack" method="post" action="\(action)" novalidate>
            \(AdminLayout.csrfField(context.csrf))
            <p><button type="submit" class="button primary" name="action" value="save">Lưu thay đổi</button></p>
            <label for="title">Tên mẫu phiếu</label>\(error("title"))
            <input class="text" id="title" type="text" name="title" maxlength="\(FormDocument.maxTitleLength)" value="\(document.title)">
            <label for="intro">Lời mở đầu</label>\(error("intro"))
            <textarea id="intro" name="intro" rows="3" maxlength="\(FormDocument.maxTextLength)">\(document.intro)</textarea>
            \(error("questions"))
            \(questions)
            <p><button type="submit" class="button" name="action" value="add">Thêm câu hỏi</button>
            <button type="submit" class="button primary" name="action" value="save">Lưu thay đổi</button></p>
            </form>
            """
    }

    static func question(
        _ question: FormDocument.Question, index: Int, document: FormDocument, error: (String) -> HTML
    ) -> HTML {
        let path = "questions[\(index)]"
        func selected(_ on: Bool) -> HTML { on ? " selected" : .empty }
        func checked(_ on: Bool) -> HTML { on ? " checked" : .empty }
        let kinds = QuestionKind.allCases.map { kind -> HTML in
            "<option value=\"\(kind.rawValue)\"\(selected(kind == question.kind))>\(FormAdminRoutes.kindLabel(kind))</option>"
        }
        // Follow-ups and conditions name an option of an earlier choice question.
        let earlier = document.questions.prefix(index).filter { $0.kind.isChoice }
        let showIfValue = FormBuilderInput.referenceValue(question.showIf, withChosen: false)
        var showIfChoices: [HTML] = ["<option value=\"\">Luôn hiện</option>"]
        let requiredWhenValue = FormBuilderInput.referenceValue(question.requiredWhen, withChosen: true)
        var requiredWhenChoices: [HTML] = ["<option value=\"\">Luôn bắt buộc (nếu đánh dấu bắt buộc)</option>"]
        for other in earlier {
            for option in other.options {
                let reference = FormDocument.Reference(question: other.code, option: option.label, chosen: true)
                let value = FormBuilderInput.referenceValue(reference, withChosen: false)
                showIfChoices.append(
                    "<option value=\"\(value)\"\(selected(value == showIfValue))>Chỉ hiện khi câu \(other.code) chọn “\(option.label)”</option>"
                )
                for chosen in [true, false] {
                    var condition = reference
                    condition.chosen = chosen
                    let value = FormBuilderInput.referenceValue(condition, withChosen: true)
                    let words = chosen ? "chỉ bắt buộc khi" : "không bắt buộc khi"
                    requiredWhenChoices.append(
                        "<option value=\"\(value)\"\(selected(value == requiredWhenValue))>\(words) câu \(other.code) chọn “\(option.label)”</option>"
                    )
                }
            }
        }
        let options = question.options.enumerated().map { position, option -> HTML in
            let name = "\(path).options[\(position)]"
            let polarities: [HTML] =
                ["<option value=\"\">Không tính mức</option>"]
                + Polarity.allCases.map { polarity in
                    "<option value=\"\(polarity.rawValue)\"\(selected(option.polarity == polarity))>\(FormAdminRoutes.polarityLabel(polarity))</option>"
                }
            return """
                <div class="option-row">\(error(name))
                <label for="\(name).label">Lựa chọn \(position + 1)</label>\(error("\(name).label"))
                <input class="text" id="\(name).label" type="text" name="\(name).label" maxlength="\(FormDocument.maxLabelLength)" value="\(option.label)">
                <input type="hidden" name="\(name).was" value="\(option.label)">
                <label for="\(name).polarity">Mức đánh giá của lựa chọn \(position + 1)</label>\(error("\(name).polarity"))
                <select id="\(name).polarity" name="\(name).polarity">\(polarities)</select>
                <button type="submit" class="button" name="action" value="remove-option:\(index):\(position)">Xóa lựa chọn \(position + 1)</button>
                </div>
                """
        }
        let optionPart: HTML =
            question.kind.isChoice
            ? """
            \(error("\(path).options"))\(options)
            <p><button type="submit" class="button" name="action" value="add-option:\(index)">Thêm lựa chọn</button></p>
            """
            : "<p class=\"note\">Người trả lời viết câu trả lời; không có lựa chọn.</p>"
        return """
            <fieldset class="q" id="cau-\(index + 1)"><legend>Câu \(index + 1) (\(question.code))</legend>
            \(error(path))\(error("\(path).code"))
            <input type="hidden" name="\(path).code" value="\(question.code)">
            <label for="\(path).kind">Loại câu hỏi</label>\(error("\(path).kind"))
            <select id="\(path).kind" name="\(path).kind">\(kinds)</select>
            <label for="\(path).text">Câu hỏi</label>\(error("\(path).text"))
            <textarea id="\(path).text" name="\(path).text" rows="2" maxlength="\(FormDocument.maxTextLength)">\(question.text)</textarea>
            <label for="\(path).help">Ghi chú (không bắt buộc)</label>\(error("\(path).help"))
            <input class="text" id="\(path).help" type="text" name="\(path).help" maxlength="\(FormDocument.maxTextLength)" value="\(question.help)">
            <label class="opt"><input type="checkbox" name="\(path).required" value="1"\(checked(question.required))> Bắt buộc trả lời</label>
            <label for="\(path).required_when">Điều kiện bắt buộc</label>\(error("\(path).required_when"))
            <select id="\(path).required_when" name="\(path).required_when">\(requiredWhenChoices)</select>
            <label class="opt"><input type="checkbox" name="\(path).evaluative" value="1"\(checked(question.evaluative))> Tính vào mức hài lòng (mỗi lựa chọn cần mức đánh giá)</label>\(error("\(path).evaluative"))
            <label for="\(path).show_if">Câu hỏi phụ</label>\(error("\(path).show_if"))
            <select id="\(path).show_if" name="\(path).show_if">\(showIfChoices)</select>
            \(optionPart)
            <p><button type="submit" class="button" name="action" value="up:\(index)">Lên</button>
            <button type="submit" class="button" name="action" value="down:\(index)">Xuống</button>
            <button type="submit" class="button" name="action" value="remove:\(index)">Xóa câu \(index + 1)</button></p>
            </fieldset>
            """
    }
}
