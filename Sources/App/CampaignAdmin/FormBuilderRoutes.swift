import HTML
import HTTP
import Store
import Survey
import Web

/// Forms owned by any unit (issue 14): a district or a commune (a ward's Youth Union acting for it) creates its own
/// form (`/admin/forms/new`), builds its questions (`/admin/forms/{code}/build`: add, remove and move questions and
/// options, polarity, follow-ups, required or required on a condition) and sees it as a citizen does
/// (`/admin/forms/{code}/preview`). Every role reaches the pages; `FormAccess` decides which form: a unit changes its
/// own forms only (403), the province any. The structure is checked by the document rules of `qcdc form import`.
struct FormBuilderRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        let everyone = Access.anyRole
        routes.page(.get, .newForm, roles: everyone) { request, user in
            newFormPage(request, user: user, code: "", title: "", organisation: "", errors: [:])
        }
        routes.page(.post, .newForm, roles: everyone) { request, user in try await create(request, user: user) }
        routes.page(.get, .buildForm, roles: everyone) { request, user in try await builder(request, user: user) }
        routes.page(.post, .buildForm, roles: everyone) { request, user in try await save(request, user: user) }
        routes.page(.get, .previewForm, roles: everyone) { request, user in try await preview(request, user: user) }
    }

    func page(
        _ request: Request, user: AuthenticatedUser, title: String, body: HTML, status: HTTPStatus = .ok
    ) -> Response {
        AdminPage.response(request, user: user, title: title, banner: environment.banner, body: body, status: status)
    }

    /// The newest version of the form in the path as a document, with its version number and whether a campaign
    /// uses it; 404 for an unknown code, 403 for a form the user may not `change` (or see).
    func load(
        _ request: Request, user: AuthenticatedUser, change: Bool
    ) async throws -> (document: FormDocument, version: Int, frozen: Bool) {
        let code = try request.parameters.require("code")
        let found = try await environment.database.read { connection -> (FormDocument, Int, Bool)? in
            let store = FormDocumentStore(connection)
            guard let document = try store.document(code: code),
                let versionID = try store.latestVersionID(code: code)
            else { return nil }
            let version =
                try connection.scalar("SELECT version FROM form_versions WHERE id = ?", [versionID], as: Int.self) ?? 1
            return (document, version, try store.isFrozen(versionID: versionID))
        }
        guard let (document, version, frozen) = found else {
            throw HTTPError(.notFound, message: "Không có mẫu phiếu mã “\(code)”.")
        }
        let allowed =
            change
            ? FormAccess.mayChange(formOwner: document.owner, user: user)
            : FormAccess.maySee(formOwner: document.owner, user: user)
        guard allowed else {
            throw HTTPError(
                .forbidden,
                message:
                    change
                    ? "Mẫu phiếu \(code) không thuộc đơn vị của bạn: mỗi đơn vị chỉ sửa mẫu phiếu của mình."
                    : "Mẫu phiếu \(code) là mẫu riêng của một đơn vị khác.")
        }
        return (document, version, frozen)
    }

    func builder(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (document, version, frozen) = try await load(request, user: user, change: true)
        let notice: String? =
            switch try request.query("done") {
            case "created": "Đã tạo mẫu phiếu. Thêm câu hỏi, rồi bấm “Lưu thay đổi”."
            case "saved": "Đã lưu."
            default: nil
            }
        let context = FormBuilderPage.Context(
            document: document, notice: notice, frozen: frozen, version: version, csrf: request.csrfToken)
        return page(request, user: user, title: "Mẫu phiếu \(document.code)", body: FormBuilderPage.body(context))
    }

    func save(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (base, version, frozen) = try await load(request, user: user, change: true)
        let form = try request.form()
        var document = FormBuilderInput.document(from: form, base: base)
        let action = FormBuilderInput.Action(form["action"] ?? "save")
        FormBuilderInput.apply(action, to: &document)
        let checked: FormDocument
        do {
            checked = try document.checked()
        } catch {
            var errors: [String: String] = [:]
            for problem in error.problems where errors[problem.path] == nil { errors[problem.path] = problem.message }
            let context = FormBuilderPage.Context(
                document: document, errors: errors,
                problems: error.problems.map { $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)" },
                frozen: frozen, version: version, csrf: request.csrfToken)
            return page(
                request, user: user, title: "Mẫu phiếu \(document.code)", body: FormBuilderPage.body(context),
                status: .unprocessableContent)
        }
        let now = environment.clock.nowSeconds
        let owner = base.owner
        try await environment.database.write { connection in
            let saved = try FormDocumentStore(connection).saveWorking(checked, owner: owner, now: now)
            if saved.stored {
                try AuditLog(connection).record(
                    user, action: .formVersionAdd,
                    detail: "Mẫu \(saved.code): phiên bản \(saved.version) (mã \(saved.versionID)) sửa trên trang",
                    at: now)
            }
        }
        let anchor: Int? =
            switch action {
            case .save: nil
            case .addQuestion: checked.questions.count
            case .removeQuestion(let index): max(index, 1)
            case .moveUp(let index): max(index, 1)
            case .moveDown(let index): index + 2
            case .addOption(let index), .removeOption(let index, _): index + 1
            }
        let target = SiteRoute.buildForm(form: checked.code).href([("done", "saved")])
        return .redirect(to: target + (anchor.map { "#cau-\($0)" } ?? ""))
    }

    func newFormPage(
        _ request: Request, user: AuthenticatedUser, code: String, title: String, organisation: String,
        errors: [String: String], status: HTTPStatus = .ok
    ) -> Response {
        func error(_ name: String) -> HTML {
            errors[name].map { "<p class=\"error\">\($0)</p>" } ?? .empty
        }
        let owner: HTML =
            user.role == .province
            ? "<p>Mẫu phiếu của tỉnh là mẫu chuẩn, các đơn vị đều dùng được.</p>"
            : "<p>Mẫu phiếu riêng của <strong>\(user.unitName)</strong> (\(user.unitCode)): chỉ đơn vị mình sửa và dùng cho các đợt khảo sát của mình.</p>"
        let body: HTML = """
            <h1>Tạo mẫu phiếu mới</h1>
            \(owner)
            <form class="stack" method="post" action="\(SiteRoute.newForm.path)" novalidate>
            \(AdminLayout.csrfField(request.csrfToken))
            <label for="code">Mã mẫu phiếu (chữ in hoa không dấu, chữ số, “-” hoặc “_”, ví dụ \(Self.suggestedCode(user)))</label>\(error("code"))
            <input class="text" id="code" type="text" name="code" maxlength="20" value="\(code)">
            <label for="title">Tên mẫu phiếu</label>\(error("title"))
            <input class="text" id="title" type="text" name="title" maxlength="\(FormDocument.maxTitleLength)" value="\(title)">
            <label for="organisation">Tổ chức thực hiện (không bắt buộc, ví dụ Đoàn Thanh niên phường)</label>\(error("organisation"))
            <input class="text" id="organisation" type="text" name="organisation" maxlength="300" value="\(organisation)">
            <p><button type="submit" class="button primary">Tạo mẫu phiếu</button> <a href="\(SiteRoute.forms.path)">Hủy</a></p>
            </form>
            """
        return page(request, user: user, title: "Tạo mẫu phiếu mới", body: body, status: status)
    }

    static func suggestedCode(_ user: AuthenticatedUser) -> String {
        user.role == .province ? "TINH-01" : "DV\(user.unitCode)-01"
    }

    func create(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let form = try request.form()
        let code = SearchText.clean(form["code"] ?? "").uppercased()
        let title = SearchText.clean(form["title"] ?? "")
        let organisation = SearchText.clean(form["organisation"] ?? "")
        let owner = CampaignAccess.owner(for: user)
        // A new form starts with one question, so it is a valid form from the first save.
        let document = FormDocument(
            code: code, title: title, owner: owner, organisation: organisation, respondents: "citizens",
            unitLevels: ["commune"], intro: "",
            questions: [FormBuilderInput.newQuestion(code: "q1", number: 1)])
        func refuse(_ errors: [String: String]) -> Response {
            newFormPage(
                request, user: user, code: code, title: title, organisation: organisation, errors: errors,
                status: .unprocessableContent)
        }
        let checked: FormDocument
        do {
            checked = try document.checked()
        } catch {
            var errors: [String: String] = [:]
            for problem in error.problems where errors[problem.path] == nil { errors[problem.path] = problem.message }
            return refuse(errors.isEmpty ? ["code": error.description] : errors)
        }
        let now = environment.clock.nowSeconds
        let created = try await environment.database.write { connection -> Bool in
            guard try FormStore(connection).latestVersionID(formCode: code) == nil else { return false }
            let saved = try FormDocumentStore(connection).save(checked, owner: owner, now: now)
            try AuditLog(connection).record(
                user, action: .formVersionAdd, detail: "Mẫu \(saved.code) mới: phiên bản 1 (mã \(saved.versionID))",
                at: now)
            return true
        }
        guard created else { return refuse(["code": "Mã “\(code)” đã có; hãy chọn mã khác."]) }
        return .redirect(to: SiteRoute.buildForm(form: code).href([("done", "created")]))
    }

    /// The form as a citizen sees it, with a banner saying it is a preview; its button sends nothing anywhere.
    func preview(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let code = try request.parameters.require("code")
        _ = try await load(request, user: user, change: false)
        let definition = try await environment.database.read { connection -> FormDefinition? in
            let forms = FormStore(connection)
            return try forms.latestVersionID(formCode: code).flatMap { try forms.definition(formVersionID: $0) }
        }
        guard let definition else { throw HTTPError(.notFound, message: "Không có mẫu phiếu mã “\(code)”.") }
        let answerPage = AnswerPage(
            campaignTitle: "Xem trước – phiếu này không gửi đi đâu", form: definition, unitName: user.unitName,
            parentName: nil, action: SiteRoute.previewForm(form: code).path, kiosk: false,
            banner: "Bản xem trước của mẫu phiếu \(code): người dân thấy đúng như trang này.")
        let (head, tail) = answerPage.render()
        var response = Response.html(head + tail)
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
