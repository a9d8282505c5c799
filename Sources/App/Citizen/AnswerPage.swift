import HTML
import Store
import Survey

/// The form a citizen fills in at `/s/{campaign}/{unit}`: plain HTML that works without JavaScript, large tap
/// targets, every question numbered, errors next to the question they concern.
struct AnswerPage {
    let campaignTitle: String
    let form: FormDefinition
    let unitName: String
    let parentName: String?
    let action: String
    let kiosk: Bool
    let banner: String?

    /// What the person already gave and what was wrong with it, for a re-rendered form.
    struct State {
        var values: [String: [String]] = [:]
        var errors: [String: String] = [:]
        var notice: String?
    }

    /// Renders in two halves around the hidden token fields, so the blank form can be cached and only the
    /// per-rendering token and submission id are written per request.
    func render(_ state: State = State()) -> (head: HTML, tail: HTML) {
        let place: HTML =
            parentName.map { "<p class=\"place\">\(unitName) – \($0)</p>" }
            ?? "<p class=\"place\">\(unitName)</p>"
        let kioskNote: HTML = kiosk ? "<p class=\"kiosk\">Máy khảo sát tại bộ phận một cửa</p>" : .empty
        let summary: HTML = summaryBox(state)
        let head: HTML = """
            <h1>\(form.title)</h1>
            \(place)
            <p class="campaign">\(campaignTitle)</p>
            \(kioskNote)
            <p class="intro">\(form.intro)</p>
            <p class="note">Câu có dấu <span class="req" aria-hidden="true">*</span> là câu bắt buộc.</p>
            \(summary)
            <form method="post" action="\(action)" novalidate>
            """
        let numbers = form.questionNumbers
        let questions = form.questions.map { question in
            fieldset(question, numbers: numbers, state: state)
        }
        let tail: HTML = """
            \(questions)
            <div class="trap" aria-hidden="true"><label>Để trống ô này <input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>
            <p><button type="submit" class="button primary">Gửi phiếu khảo sát</button></p>
            </form>
            <p class="privacy">Phiếu không ghi tên. Hệ thống không lưu họ tên, số điện thoại hay địa chỉ IP của Anh/Chị.</p>
            """
        let page = Layout.page(
            title: "\(form.code) – \(unitName)", banner: banner, scripts: ["/static/form.js"],
            body: head + "\n" + HTML(unsafeRaw: Self.split))
        let parts = page.rendered.components(separatedBy: Self.split)
        return (HTML(unsafeRaw: parts[0]), tail + HTML(unsafeRaw: parts.count > 1 ? parts[1] : ""))
    }

    /// Escaped text can never contain "<!--", so this marker only ever splits where it was put.
    private static let split = "<!--qcdc-split-->"

    private func summaryBox(_ state: State) -> HTML {
        var lines: [HTML] = []
        if let notice = state.notice { lines.append("<p>\(notice)</p>") }
        if !state.errors.isEmpty {
            let count = state.errors.count
            let numbers = form.questionNumbers
            let links = form.questions.compactMap { question -> HTML? in
                guard state.errors[question.code] != nil else { return nil }
                return "<li><a href=\"#f-\(question.code)\">Câu \(numbers[question.code] ?? "")</a></li>"
            }
            lines.append("<p>Còn \(count) câu chưa hợp lệ. Vui lòng xem lại:</p><ul>\(links)</ul>")
        }
        guard !lines.isEmpty else { return .empty }
        return "<div class=\"summary\" role=\"alert\" id=\"loi\">\(lines)</div>"
    }

    private func fieldset(_ question: QuestionDefinition, numbers: [String: String], state: State) -> HTML {
        let number = numbers[question.code] ?? ""
        let chosen = state.values[question.code] ?? []
        let error = state.errors[question.code]
        let required: HTML = question.required ? " <span class=\"req\" title=\"bắt buộc\">*</span>" : .empty
        var condition: HTML = .empty
        var attributes: HTML = .empty
        if let parentOption = question.showIfOptionID, let parent = form.question(ofOption: parentOption),
            let option = form.option(parentOption), let parentNumber = numbers[parent.code]
        {
            condition = "<p class=\"if\">Trả lời nếu ở câu \(parentNumber) Anh/Chị chọn “\(option.label)”.</p>"
            attributes = " data-show-if=\"\(String(parentOption))\""
        }
        var requiredNote: HTML = .empty
        if question.required, let condition = question.requiredWhen,
            let earlier = form.question(ofOption: condition.optionID), let option = form.option(condition.optionID),
            let earlierNumber = numbers[earlier.code]
        {
            // The server decides (AnswerValidator); the note says when the star applies, and form.js hides the star
            // while the answers chosen so far do not make the question required.
            requiredNote =
                condition.chosen
                ? "<p class=\"if\">Chỉ bắt buộc nếu ở câu \(earlierNumber) Anh/Chị chọn “\(option.label)”.</p>"
                : "<p class=\"if\">Không bắt buộc nếu ở câu \(earlierNumber) Anh/Chị chọn “\(option.label)”.</p>"
            attributes =
                attributes
                + " data-required-when=\"\(String(condition.optionID))\" data-required-when-chosen=\"\(condition.chosen ? "1" : "0")\""
        }
        let help: HTML = question.help.isEmpty ? .empty : "<p class=\"help\">\(question.help)</p>"
        let errorHTML: HTML = error.map { "<p class=\"error\" id=\"e-\(question.code)\">\($0)</p>" } ?? .empty
        let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\""
        return """
            <fieldset class="q\(error == nil ? "" : " has-error")" id="f-\(question.code)"\(attributes)>
            <legend><span class="num">Câu \(number).</span> \(question.text)\(required)</legend>
            \(condition)\(requiredNote)\(help)\(errorHTML)\(input(question, chosen: chosen, invalid: invalid))
            </fieldset>
            """
    }

    private func input(_ question: QuestionDefinition, chosen: [String], invalid: HTML) -> HTML {
        switch question.kind {
        case .single, .yesNo, .multiple:
            let type = question.kind == .multiple ? "checkbox" : "radio"
            return HTML.join(
                question.options.map { option in
                    let value = String(option.id)
                    let checked: HTML = chosen.contains(value) ? " checked" : .empty
                    return """
                        <label class="opt"><input type="\(type)" name="\(question.code)" value="\(value)"\(checked)\(invalid)> <span>\(option.label)</span></label>
                        """
                }, separator: "\n")
        case .shortText:
            let value = chosen.first ?? ""
            return """
                <input class="text" type="text" name="\(question.code)" maxlength="\(question.kind.maxTextLength)" value="\(value)" aria-label="\(question.text)"\(invalid)>
                """
        case .longText:
            let value = chosen.first ?? ""
            return """
                <textarea name="\(question.code)" rows="4" maxlength="\(question.kind.maxTextLength)" aria-label="\(question.text)"\(invalid)>\(value)</textarea>
                """
        }
    }
}
