import HTTP
import Store
import Survey
import Uploads
import Web

/// The recognition dossier on the console: the year's list, one unit's dossier with the forms its viewer may use
/// now, and the POSTs of the workflow (each 303 back to the dossier). Scope is the dossier's: the commune itself,
/// its district and the province (a district committee's dossier: the district and the province); the rules of
/// each step are `DossierWorkflow`'s, applied by `DossierStore`. Documents are uploaded (multipart, the one route
/// allowed a large body) into the content-addressed `Uploads` store and downloaded as attachments.
struct DossierRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .dossierHome) { _, user in home(user) }
        routes.page(.get, .dossiers) { request, user in try await list(request, user: user) }
        routes.page(.get, .dossier) { request, user in try await page(request, user: user) }
        routes.page(.post, .dossierScores) { request, user in try await saveScores(request, user: user) }
        routes.page(.post, .dossierStep) { request, user in try await step(request, user: user) }
        routes.page(.post, .removeDossierDocument) { request, user in try await removeDocument(request, user: user) }
        routes.page(.post, .dossierDocuments) { request, user in try await upload(request, user: user) }
        routes.page(.get, .dossierDocument) { request, user in try await download(request, user: user) }
        DossierListRoutes(environment: environment).install(on: &routes)
        CriteriaRoutes(environment: environment).install(on: &routes)
    }

    static let unknownYear = HTTPError(
        .notFound, message: "Không có hồ sơ công nhận cho năm này. Hãy chọn một năm từ 2000 đến năm sau năm hiện tại.")

    static func year(_ request: Request, today: LocalDate) throws -> Int {
        guard let text = request.parameters["year"], let year = Int(text), YearCampaigns.isAllowed(year, today: today)
        else { throw unknownYear }
        return year
    }

    private func home(_ user: AuthenticatedUser) -> Response {
        let year = environment.clock.today.year
        if user.role == .commune { return .redirect(to: SiteRoute.dossier(year: year, unit: user.unitCode).path) }
        return .redirect(to: SiteRoute.dossiers(year: year).path)
    }

    private func list(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try Self.year(request, today: environment.clock.today)
        if user.role == .commune { return .redirect(to: SiteRoute.dossier(year: year, unit: user.unitCode).path) }
        return try await DossierListRoutes(environment: environment).list(request, user: user, year: year)
    }

    /// The year's satisfaction index of the unit (0–1) from the year's rankings (kept between requests by the
    /// year cache): a commune's own, a district's its communes' pooled figures.
    static func satisfactionShare(_ environment: AppEnvironment, year: Int, subject: DossierSubject) async throws
        -> Double?
    {
        let cache = environment.counterCache
        let yearCache = environment.yearCache
        let rankings = try await environment.database.read {
            try YearStore($0, cache: cache, yearCache: yearCache).rankings(year: year)
        }
        let units = subject.kind == .commune ? rankings.communes : rankings.districts
        return units.first { $0.code == subject.code }?.outcome.value
    }

    private func page(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try Self.year(request, today: environment.clock.today)
        let code = request.parameters["code"] ?? ""
        let now = environment.clock.nowSeconds
        let (subject, actor, found) = try await environment.database.read { connection in
            let store = DossierStore(connection)
            let (subject, actor) = try store.subject(code: code, for: user)
            return (subject, actor, try store.dossier(year: year, code: code))
        }
        var dossier = found
        // Opening its own dossier is how a unit registers: the draft starts here, nowhere else.
        if dossier == nil, actor == .subject {
            dossier = try await environment.database.write { connection in
                try DossierStore(connection).open(year: year, code: code, by: user, now: now)
            }
        }
        let share = try await Self.satisfactionShare(environment, year: year, subject: subject)
        let set: CriteriaSet? =
            if let dossier { dossier.criteriaSet } else {
                try await environment.database.read {
                    try CriteriaSetStore($0).current(year: year, kind: subject.kind)
                }
            }
        let view = DossierPage(
            year: year, subject: subject, actor: actor, dossier: dossier, set: set, share: share,
            csrf: request.csrfToken, today: environment.clock.today)
        return AdminPage.response(
            request, user: user, title: "Hồ sơ công nhận \(String(year)) – \(subject.name)", banner: environment.banner,
            body: view.render())
    }

    private func back(_ year: Int, _ code: String) -> Response {
        .redirect(to: SiteRoute.dossier(year: year, unit: code).path)
    }

    /// `points-{code}` (decimal comma or point; empty leaves the criterion as it is) and `note-{code}`, for every
    /// scorable criterion of the dossier's set.
    private func saveScores(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try Self.year(request, today: environment.clock.today)
        let code = request.parameters["code"] ?? ""
        let subject = try await environment.database.read { connection in
            try DossierStore(connection).subject(code: code, for: user).0
        }
        let form = try request.form()
        let now = environment.clock.nowSeconds
        let share = try await Self.satisfactionShare(environment, year: year, subject: subject)
        try await environment.database.write { connection in
            let store = DossierStore(connection)
            guard let dossier = try store.dossier(year: year, code: code) else {
                throw DossierError(.notFound, "Đơn vị này chưa lập hồ sơ công nhận của năm.")
            }
            var entries: [DossierStore.ScoreEntry] = []
            for criterion in dossier.criteriaSet.scorable {
                guard let text = form["points-\(criterion.code)"]?.dossierTrimmed, !text.isEmpty else { continue }
                guard let points = Self.number(text) else {
                    throw DossierError.rule(.pointsOutOfRange(code: criterion.code, max: criterion.maxPoints))
                }
                entries.append(.init(code: criterion.code, points: points, note: form["note-\(criterion.code)"] ?? ""))
            }
            try store.saveScores(
                year: year, code: code, entries: entries, satisfactionShare: share, by: user, now: now)
        }
        return back(year, code)
    }

    /// `action` = submit | return | forward | decide, with `comment`; a decision adds `recognised` (1 or 0),
    /// `number` and `date` (yyyy-mm-dd from a date field, or dd/mm/yyyy).
    private func step(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try Self.year(request, today: environment.clock.today)
        let code = request.parameters["code"] ?? ""
        let subject = try await environment.database.read { connection in
            try DossierStore(connection).subject(code: code, for: user).0
        }
        let form = try request.form()
        guard let action = form["action"].flatMap(DossierAction.init(rawValue:)), action != .saveScores else {
            throw HTTPError(
                .badRequest, message: "Hãy chọn một bước của hồ sơ: gửi, trả lại, chuyển tỉnh hoặc quyết định.")
        }
        let now = environment.clock.nowSeconds
        var decided: DossierStore.Decision?
        if action == .decide, let recognised = form["recognised"], let date = form["date"].flatMap(Self.date) {
            decided = DossierStore.Decision(recognised: recognised == "1", number: form["number"] ?? "", date: date)
        }
        let decision = decided
        let share =
            action == .submit ? try await Self.satisfactionShare(environment, year: year, subject: subject) : nil
        try await environment.database.write { connection in
            try DossierStore(connection).perform(
                action, year: year, code: code, comment: form["comment"] ?? "", decision: decision,
                satisfactionShare: share, by: user, now: now)
        }
        return back(year, code)
    }

    private func removeDocument(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try Self.year(request, today: environment.clock.today)
        let code = request.parameters["code"] ?? ""
        guard let id = request.parameters["id"].flatMap({ Int64($0) }) else { throw HTTPError.notFound }
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try DossierStore(connection).removeDocument(id: id, year: year, code: code, by: user, now: now)
        }
        return back(year, code)
    }

    /// `kind` and `file` (multipart, checked by content: PDF, DOCX, JPEG or PNG). The scope and the dossier's state
    /// are checked before a byte is stored, the kind and who uploads it by the store after.
    private func upload(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try Self.year(request, today: environment.clock.today)
        let code = request.parameters["code"] ?? ""
        guard let receiver = environment.uploads else { throw StoredUpload.noStore }
        try await environment.database.read { connection in
            let store = DossierStore(connection)
            let (_, actor) = try store.subject(code: code, for: user)
            guard let dossier = try store.dossier(year: year, code: code) else {
                throw DossierError(.notFound, "Đơn vị này chưa lập hồ sơ công nhận của năm.")
            }
            let set = dossier.criteriaSet
            guard
                set.documentKinds.contains(where: {
                    DossierStore.mayUpload($0, actor: actor, state: dossier.record.state, subjectKind: set.subjectKind)
                })
            else {
                throw DossierError(
                    .rule(.notNow(.submit, dossier.record.state)),
                    "Hồ sơ đang ở trạng thái “\(dossier.record.state.label)”: bạn không tải tài liệu lên được lúc này.")
            }
        }
        let received: ReceivedUpload
        do {
            received = try await receiver.receiveOffLoop(
                body: request.body, contentType: request.headers["Content-Type"])
        } catch {
            environment.log("tải tệp lên bị từ chối (\(code), \(year)): \(error.detail)")
            throw HTTPError(error.status, message: error.message)
        }
        let file = received.file
        let document = DossierStore.NewDocument(
            kindCode: received.fields.first("kind") ?? "", contentHash: file.hash.hex, size: file.size,
            mediaType: file.kind.mediaType, fileName: file.name.value)
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            try DossierStore(connection).addDocument(year: year, code: code, document, by: user, now: now)
        }
        return back(year, code)
    }

    /// The stored bytes as an attachment under the original (made harmless) name, never rendered by the browser.
    private func download(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try Self.year(request, today: environment.clock.today)
        let code = request.parameters["code"] ?? ""
        guard let id = request.parameters["id"].flatMap({ Int64($0) }) else { throw HTTPError.notFound }
        let found = try await environment.database.read { connection in
            let store = DossierStore(connection)
            _ = try store.subject(code: code, for: user)
            return try store.document(id: id, year: year, code: code)
        }
        guard let document = found else { throw DossierError.noDocument }
        let bytes = try await StoredUpload.bytes(
            environment, contentHash: document.contentHash, what: "tài liệu \(id) của hồ sơ \(code) \(year)")
        return StoredUpload.attachment(bytes, mediaType: document.mediaType, fileName: document.fileName)
    }

    /// "7,5" or "7.5".
    static func number(_ text: String) -> Double? {
        guard let value = Double(String(text.map { $0 == "," ? "." : $0 })), value.isFinite else { return nil }
        return value
    }

    /// yyyy-mm-dd (a date field) or dd/mm/yyyy (typed).
    static func date(_ text: String) -> LocalDate? {
        let text = text.dossierTrimmed
        if let date = LocalDate(iso: text) { return date }
        let parts = text.split(separator: "/")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            parts[2].count == 4
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
