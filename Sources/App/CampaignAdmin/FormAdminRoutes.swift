import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/forms`: the forms and their versions (the province every form; a district or commune the standard
/// forms and its own, with links to build its own: `FormBuilderRoutes`), and for the province "edit as a new
/// version": the latest version's question texts, help lines and option labels in text fields; saving creates
/// version N+1 with the same structure and the new wording. Campaigns keep the version they were created with.
struct FormAdminRoutes: Sendable {
    let environment: AppEnvironment

    static let maxTextLength = 1000
    static let maxLabelLength = 300

    func install(on routes: inout RouteTable) {
        let province = Access.provinceOnly
        routes.page(.get, .forms, roles: Access.anyRole) { request, user in try await list(request, user: user) }
        routes.page(.get, .newFormVersion, roles: province) { request, user in try await editor(request, user: user) }
        routes.page(.post, .newFormVersion, roles: province) { request, user in try await save(request, user: user) }
    }

    func page(
        _ request: Request, user: AuthenticatedUser, title: String, body: HTML,
        status: HTTPStatus = .ok
    ) -> Response {
        AdminPage.response(request, user: user, title: title, banner: environment.banner, body: body, status: status)
    }

    func list(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let rows = try await environment.database.read { try FormVersionRow.all(connection: $0) }
            .filter { FormAccess.maySee(formOwner: $0.ownerUnitCode, user: user) }
        var sections: [HTML] = []
        var index = rows.startIndex
        while index < rows.endIndex {
            let code = rows[index].formCode
            let versions = rows[index...].prefix { $0.formCode == code }
            let items = versions.map { row -> HTML in
                let created =
                    row.createdAt == 0 ? "có sẵn" : "tạo ngày \(VietnamTime.localDate(at: row.createdAt).vietnamese)"
                return "<li>Phiên bản \(row.version) (\(created)) – dùng cho \(row.campaigns) đợt khảo sát</li>"
            }
            let first = rows[index]
            let partner: HTML =
                first.organisation.isEmpty ? .empty : "<p class=\"note\">Tổ chức phối hợp: \(first.organisation)</p>"
            let owner: HTML =
                first.ownerUnitCode.map { "<p class=\"note\">Mẫu phiếu riêng của đơn vị \($0)</p>" } ?? .empty
            sections.append(
                """
                <h2>\(first.formTitle)</h2>
                \(partner)\(owner)
                <ul>\(items)</ul>
                <p>\(Self.actions(code: code, owner: first.ownerUnitCode, user: user), separator: " ")</p>
                """)
            index = versions.endIndex
        }
        let notice: HTML =
            try request.query("done") == "version"
            ? "<p class=\"notice\" role=\"status\">Đã tạo phiên bản mới. Các đợt khảo sát tạo từ nay dùng phiên bản này; các đợt đã có giữ nguyên phiên bản cũ.</p>"
            : .empty
        let body: HTML = """
            <h1>Mẫu phiếu và phiên bản</h1>
            \(notice)
            <p><a class="button primary" href="\(SiteRoute.newForm.path)">Tạo mẫu phiếu mới</a></p>
            <p>Mỗi đợt khảo sát gắn cố định với phiên bản mẫu phiếu khi được tạo, nên sửa câu chữ không làm đổi nghĩa các câu trả lời đã thu.</p>
            \(sections)
            """
        return page(request, user: user, title: "Mẫu phiếu", body: body)
    }

    /// What the user may do with a form: see it as a citizen does; build it if it may change it; for the province,
    /// reword a standard form as a new version.
    static func actions(code: String, owner: String?, user: AuthenticatedUser) -> [HTML] {
        var actions: [HTML] = [
            "<a class=\"button\" href=\"\(SiteRoute.previewForm(form: code).path)\">Xem trước</a>"
        ]
        if FormAccess.mayChange(formOwner: owner, user: user) {
            actions.append("<a class=\"button\" href=\"\(SiteRoute.buildForm(form: code).path)\">Sửa câu hỏi</a>")
        }
        if user.role == .province {
            actions.append(
                "<a class=\"button\" href=\"\(SiteRoute.newFormVersion(form: code).path)\">Sửa câu chữ thành phiên bản mới</a>"
            )
        }
        return actions
    }

    /// The latest version of the form in the path (404 for an unknown code).
    func latest(_ request: Request) async throws -> FormDefinition {
        let code = try request.parameters.require("code")
        let definition = try await environment.database.read { connection -> FormDefinition? in
            let forms = FormStore(connection)
            return try forms.latestVersionID(formCode: code).flatMap { try forms.definition(formVersionID: $0) }
        }
        guard let definition else { throw HTTPError(.notFound, message: "Không có mẫu phiếu mã “\(code)”.") }
        return definition
    }

    func editor(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let definition = try await latest(request)
        return editorPage(request, user: user, definition: definition, values: [:], errors: [:])
    }

    func save(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let definition = try await latest(request)
        let form = try request.form()
        guard form["base"] == String(definition.formVersionID) else {
            throw HTTPError(
                .conflict,
                message:
                    "Mẫu phiếu \(definition.code) vừa có phiên bản mới hơn trang đang sửa. Vui lòng mở lại trang và sửa trên phiên bản mới nhất."
            )
        }
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        var wording = FormStore.Wording()
        func field(_ name: String, limit: Int, required: Bool) -> String? {
            guard let raw = form[name] else { return nil }
            let value = SearchText.clean(raw)
            values[name] = value
            if required && value.isEmpty { errors[name] = "Không được để trống." }
            if value.count > limit { errors[name] = "Dài quá \(limit) ký tự." }
            return value
        }
        wording.intro = field("intro", limit: Self.maxTextLength, required: false)
        for question in definition.questions {
            wording.questionTexts[question.id] = field("q\(question.id)", limit: Self.maxTextLength, required: true)
            wording.questionHelps[question.id] = field("h\(question.id)", limit: Self.maxTextLength, required: false)
            for option in question.options {
                wording.optionLabels[option.id] = field("o\(option.id)", limit: Self.maxLabelLength, required: true)
            }
        }
        guard errors.isEmpty else {
            return editorPage(
                request, user: user, definition: definition, values: values, errors: errors,
                status: .unprocessableContent)
        }
        let now = environment.clock.nowSeconds
        let finalWording = wording
        try await environment.database.write { connection in
            let created = try FormStore(connection).createVersion(
                copying: definition.formVersionID,
                wording: finalWording, now: now)
            try AuditLog(connection).record(
                user, action: .formVersionAdd,
                detail: "Mẫu \(definition.code): phiên bản \(created.version) (mã \(created.id))",
                at: now)
        }
        return .redirect(to: SiteRoute.forms.href([("done", "version")]))
    }

    func editorPage(
        _ request: Request, user: AuthenticatedUser, definition: FormDefinition, values: [String: String],
        errors: [String: String], status: HTTPStatus = .ok
    ) -> Response {
        func error(_ name: String) -> HTML {
            errors[name].map { "<p class=\"error\" id=\"e-\(name)\">\($0)</p>" } ?? .empty
        }
        let numbers = definition.questionNumbers
        let questions = definition.questions.map { question -> HTML in
            let options = question.options.map { option -> HTML in
                let name = "o\(option.id)"
                let polarity: HTML =
                    option.polarity.map { " <span class=\"tag\">\(Self.polarityLabel($0))</span>" } ?? .empty
                return """
                    <label for="\(name)">Lựa chọn\(polarity)</label>\(error(name))
                    <input class="text" id="\(name)" type="text" name="\(name)" maxlength="\(Self.maxLabelLength)" value="\(values[name] ?? option.label)">
                    """
            }
            let followUp: HTML =
                question.showIfOptionID.flatMap { definition.option($0) }
                .map { "<p class=\"note\">Câu hỏi phụ: chỉ hiện khi chọn “\($0.label)”.</p>" } ?? .empty
            let condition: HTML =
                question.requiredWhen.flatMap { condition in
                    definition.option(condition.optionID).map { option -> HTML in
                        condition.chosen
                            ? "<p class=\"note\">Chỉ bắt buộc khi chọn “\(option.label)”.</p>"
                            : "<p class=\"note\">Không bắt buộc khi chọn “\(option.label)”.</p>"
                    }
                } ?? .empty
            let textName = "q\(question.id)"
            let helpName = "h\(question.id)"
            return """
                <fieldset class="q"><legend>Câu \(numbers[question.code] ?? "") · \(Self.kindLabel(question.kind))</legend>
                \(followUp)\(condition)
                <label for="\(textName)">Câu hỏi</label>\(error(textName))
                <textarea id="\(textName)" name="\(textName)" rows="3" maxlength="\(Self.maxTextLength)">\(values[textName] ?? question.text)</textarea>
                <label for="\(helpName)">Ghi chú (không bắt buộc)</label>\(error(helpName))
                <input class="text" id="\(helpName)" type="text" name="\(helpName)" maxlength="\(Self.maxTextLength)" value="\(values[helpName] ?? question.help)">
                \(options)
                </fieldset>
                """
        }
        let summary: HTML =
            errors.isEmpty
            ? .empty
            : "<p class=\"error\" role=\"alert\">Còn \(errors.count) ô chưa hợp lệ; xem các thông báo bên dưới.</p>"
        let body: HTML = """
            <h1>Phiên bản mới của mẫu \(definition.code)</h1>
            <p>Chỉ sửa câu chữ: loại câu hỏi, các lựa chọn, mức đánh giá, câu hỏi phụ và điều kiện bắt buộc giữ nguyên. Các đợt khảo sát đã có vẫn dùng phiên bản cũ.</p>
            \(summary)
            <form class="stack" method="post" action="\(SiteRoute.newFormVersion(form: definition.code).path)">
            \(AdminLayout.csrfField(request.csrfToken))
            <input type="hidden" name="base" value="\(String(definition.formVersionID))">
            <label for="intro">Lời mở đầu</label>\(error("intro"))
            <textarea id="intro" name="intro" rows="3" maxlength="\(Self.maxTextLength)">\(values["intro"] ?? definition.intro)</textarea>
            \(questions)
            <p><button type="submit" class="button primary">Lưu thành phiên bản mới</button> <a href="\(SiteRoute.forms.path)">Hủy</a></p>
            </form>
            """
        return page(request, user: user, title: "Phiên bản mới – \(definition.code)", body: body, status: status)
    }

    static func kindLabel(_ kind: QuestionKind) -> String {
        switch kind {
        case .single: "chọn một"
        case .multiple: "chọn nhiều"
        case .yesNo: "có/không"
        case .shortText: "trả lời ngắn"
        case .longText: "trả lời dài"
        }
    }

    static func polarityLabel(_ polarity: Polarity) -> String {
        switch polarity {
        case .positive: "tích cực"
        case .neutral: "trung bình"
        case .negative: "tiêu cực"
        }
    }
}
