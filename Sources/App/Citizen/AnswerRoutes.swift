import Crypto
import Database
import HTML
import HTTP
import Store
import Survey
import Synchronization
import Web

/// The citizen's path: `/s/{campaign}/{unit}` shows the form, POST stores one answer, `/thanks` says thank you.
final class AnswerRoutes: Sendable {
    let environment: AppEnvironment
    let catalog: SurveyCatalog
    let fingerprint = NetworkFingerprint()
    let limits: DoorLimits
    let originCheck: OriginCheck
    private let blankForms = Mutex<[BlankFormKey: (head: HTML, tail: HTML, loadedAt: Double)]>([:])

    init(environment: AppEnvironment, catalog: SurveyCatalog) {
        self.environment = environment
        self.catalog = catalog
        self.originCheck = OriginCheck(publicURL: environment.publicURL)
        self.limits = DoorLimits(settings: environment.doors, fingerprint: fingerprint)
    }

    func install(on routes: inout RouteTable) {
        // No capture lists: a closure with one is inferred `@concurrent` (see the lint in the Makefile).
        routes.open(.get, .answer) { request in try await self.show(request) }
        routes.open(.post, .answer) { request in try await self.submit(request) }
        routes.open(.get, .thanks) { request in try await self.thanks(request) }
    }

    // MARK: - Target

    /// The campaign and unit a request names, checked: unknown or out of scope → 404, not open → 404, closed → 410.
    struct Target {
        let entry: SurveyCatalog.CampaignEntry
        let unit: UnitRecord
        var path: String { SiteRoute.answer(campaign: entry.campaign.id, unit: unit.code).path }
        var thanksPath: String { SiteRoute.thanks(campaign: entry.campaign.id, unit: unit.code).path }
        var suggestionBoxPath: String { SiteRoute.suggestionBox(unit: unit.code).path }
    }

    func target(_ request: Request) async throws -> Target {
        let notFound = HTTPError(
            .notFound, message: "Không tìm thấy phiếu khảo sát này. Vui lòng quét lại mã QR tại bộ phận một cửa.")
        guard let campaignID = Int64(try request.parameters.require("campaign")),
            let entry = try await catalog.campaign(campaignID),
            let unit = try await catalog.unit(
                code: try request.parameters.require("unit"), inSet: entry.campaign.unitSetID),
            entry.unitIDs.contains(unit.id)
        else { throw notFound }
        switch entry.campaign.schedule.phase(on: environment.clock.today) {
        case .open:
            return Target(entry: entry, unit: unit)
        case .notPublished:
            throw notFound
        case .notYetOpen:
            throw HTTPError(
                .notFound,
                message:
                    "Đợt khảo sát “\(entry.campaign.title)” chưa mở. Đợt khảo sát bắt đầu ngày \(entry.campaign.schedule.startsOn.vietnamese)."
            )
        case .closed:
            throw HTTPError(
                .gone, message: "Đợt khảo sát “\(entry.campaign.title)” đã kết thúc. Cảm ơn Anh/Chị đã quan tâm.")
        }
    }

    /// A kiosk cookie counts only for the unit it was issued for and until it expires.
    func isKiosk(_ request: Request, unit: UnitRecord) -> Bool {
        guard let value = request.cookie(environment.cookieNames.kiosk),
            let token = KioskToken.decode(value, key: environment.secret)
        else { return false }
        return token.unitCode == unit.code && token.isValid(now: environment.clock.nowSeconds)
    }

    // MARK: - GET

    func show(_ request: Request) async throws -> Response {
        let target = try await target(request)
        let kiosk = isKiosk(request, unit: target.unit)
        if !kiosk, let mark = respondentToken(request)?.mark(isNew: false) {
            let campaignID = target.entry.campaign.id
            let answered = try await environment.database.read {
                try ResponseStore($0).hasAnswered(campaignID: campaignID, mark: mark)
            }
            if answered { return alreadyAnswered(target) }
        }
        let form = blankForm(target, kiosk: kiosk)
        return page(head: form.head, tail: form.tail, target: target, kiosk: kiosk, token: nil, status: .ok)
    }

    private struct BlankFormKey: Hashable {
        let campaignID: Int64
        let unitID: Int64
        let kiosk: Bool
    }

    /// The blank form changes only when the campaign does, so it is rendered once and reused.
    private func blankForm(_ target: Target, kiosk: Bool) -> (head: HTML, tail: HTML) {
        let key = BlankFormKey(campaignID: target.entry.campaign.id, unitID: target.unit.id, kiosk: kiosk)
        let loadedAt = target.entry.loadedAt
        if environment.banner == nil, let cached = blankForms.withLock({ $0[key] }), cached.loadedAt == loadedAt {
            return (cached.head, cached.tail)
        }
        let rendered = answerPage(target, kiosk: kiosk).render()
        blankForms.withLock { $0[key] = (rendered.head, rendered.tail, loadedAt) }
        return rendered
    }

    private func answerPage(_ target: Target, kiosk: Bool) -> AnswerPage {
        AnswerPage(
            campaignTitle: target.entry.campaign.title, form: target.entry.form, unitName: target.unit.name,
            parentName: nil, action: target.path, kiosk: kiosk, banner: environment.banner)
    }

    /// Writes the per-rendering hidden fields between the two halves of the form.
    private func page(head: HTML, tail: HTML, target: Target, kiosk: Bool, token: String?, status: HTTPStatus)
        -> Response
    {
        // A new rendering gets a new submission id inside its signed token; a refused form keeps its token, so
        // the answer it finally stores is still the one this rendering may store.
        let renderToken =
            token
            ?? RenderToken(
                campaignID: target.entry.campaign.id, unitID: target.unit.id,
                issuedAt: environment.clock.nowSeconds, kiosk: kiosk,
                submissionID: TimeOrderedID.submissionID(milliseconds: environment.clock.nowMilliseconds)
            ).encode(key: environment.secret)
        let hidden: HTML = "<input type=\"hidden\" name=\"token\" value=\"\(renderToken)\">"
        var response = Response.html(head + hidden + tail, status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    // MARK: - POST

    func submit(_ request: Request) async throws -> Response {
        let target = try await target(request)
        let prepared: PreparedSubmission
        switch try prepareSubmission(request, target: target) {
        case .answered(let response): return response
        case .store(let ready): prepared = ready
        }
        if let refusal = prepared.refusal {
            // Refused by the network's hourly limit: stored only if it already is (a resend keeps its page).
            let campaignID = target.entry.campaign.id
            let sid = prepared.submission.submissionID
            guard
                try await environment.database.read({
                    try ResponseStore($0).isStored(campaignID: campaignID, submissionID: sid)
                })
            else {
                return tooManyAnswers(
                    target, kiosk: refusal.kiosk, token: refusal.tokenText, values: refusal.values,
                    after: refusal.retryAfter)
            }
        }
        let submission = prepared.submission
        let outcome: ResponseStore.Outcome
        do {
            outcome = try await environment.database.write { try ResponseStore($0).store(submission) }
        } catch {
            prepared.reservation?.release()
            throw error
        }
        return try answer(outcome, of: prepared, target: target)
    }

    /// An answer checked and ready to store, with what the reply needs afterwards.
    private struct PreparedSubmission {
        let submission: Submission
        /// The place it holds under the network's hourly limit, given back if it is not stored.
        let reservation: DoorLimits.Reservation?
        /// The respondent cookie to set, for a browser that had none.
        let newToken: RespondentToken?
        /// Set when the hourly limit refused it: then it is only stored if it already was.
        let refusal: LimitRefusal?
    }

    private struct LimitRefusal {
        let retryAfter: Int64
        let kiosk: Bool
        let tokenText: String
        let values: [String: [String]]
    }

    private enum SubmissionStep {
        case answered(Response)
        case store(PreparedSubmission)
    }

    /// Everything between finding the form and storing the answer, none of which waits: kept out of `submit` (and
    /// not inlined into it) because an async function's frame holds its whole body, and the request's task
    /// allocates that frame for every answer.
    @inline(never)
    private func prepareSubmission(_ request: Request, target: Target) throws -> SubmissionStep {
        guard originCheck.allows(request.headers) else {
            throw HTTPError(
                .forbidden,
                message:
                    "Phiếu được gửi từ một trang khác nên không được chấp nhận. Vui lòng mở phiếu bằng mã QR của xã, phường."
            )
        }
        let form = try request.form()
        if !(form["website"] ?? "").isEmpty {
            // Only bots fill the hidden field; they get the same thanks page and nothing is stored.
            return .answered(.redirect(to: target.thanksPath))
        }
        let invalidForm = HTTPError(
            .badRequest, message: "Phiếu gửi lên không hợp lệ hoặc đã bị sửa. Vui lòng mở lại phiếu và trả lời lại.")
        guard let tokenText = form["token"], let decoded = RenderToken.decode(tokenText, key: environment.secret)
        else { throw invalidForm }
        var values = [String: [String]](minimumCapacity: target.entry.form.questions.count)
        for question in target.entry.form.questions {
            let raw = form.values(for: question.code)
            values[question.code] = question.kind.isChoice ? raw : raw.map(SearchText.clean)
        }
        /// The form again, with the answers as sent and a notice above them.
        func again(_ notice: String, kiosk: Bool, token: String?) -> SubmissionStep {
            .answered(rerender(target, kiosk: kiosk, token: token, state: .init(values: values, notice: notice)))
        }
        guard case .current(let token) = decoded else {
            // A form opened before an upgrade: its answers come back under a token of today's format.
            return again(
                "Phiếu vừa được cập nhật. Các câu trả lời vẫn được giữ nguyên, vui lòng xem lại rồi gửi lại.",
                kiosk: isKiosk(request, unit: target.unit), token: nil)
        }
        guard token.campaignID == target.entry.campaign.id, token.unitID == target.unit.id else { throw invalidForm }
        let sid = token.submissionID
        let kiosk = token.kiosk && isKiosk(request, unit: target.unit)
        let now = environment.clock.nowSeconds
        let fillSeconds: Int
        switch token.freshness(now: now) {
        case .tooFast:
            return again(
                "Anh/Chị gửi phiếu hơi nhanh. Vui lòng xem lại các câu trả lời rồi bấm “Gửi phiếu khảo sát” lần nữa.",
                kiosk: kiosk, token: tokenText)
        case .expired:
            return again(
                "Phiếu đã được mở quá một ngày. Các câu trả lời vẫn được giữ nguyên, vui lòng xem lại rồi gửi lại.",
                kiosk: kiosk, token: nil)
        case .fresh(let seconds):
            fillSeconds = seconds
        }
        let answers: ValidatedAnswers
        switch AnswerValidator(form: target.entry.form).validate(values) {
        case .failure(let errors):
            return .answered(
                rerender(
                    target, kiosk: kiosk, token: tokenText,
                    state: .init(values: values, errors: errors.byQuestionCode)))
        case .success(let validated):
            answers = validated
        }

        // The hard limit per network; a resend of an answer already stored is not counted and keeps its page.
        let reservation: DoorLimits.Reservation?
        let refusal: LimitRefusal?
        switch limits.answer(
            request, campaignID: target.entry.campaign.id, unitID: target.unit.id, kiosk: kiosk, now: now)
        {
        case .allowed(let reserved):
            reservation = reserved
            refusal = nil
        case .refused(let retryAfter):
            reservation = nil
            refusal = LimitRefusal(retryAfter: retryAfter, kiosk: kiosk, tokenText: tokenText, values: values)
        }
        let existingToken = kiosk ? nil : respondentToken(request)
        let newToken =
            kiosk || existingToken != nil ? nil : RespondentToken.mint(milliseconds: environment.clock.nowMilliseconds)
        let today = VietnamTime.localDate(at: now)
        let network = request.clientIP?.network
        let submission = Submission(
            campaignID: target.entry.campaign.id, unitID: target.unit.id, submissionID: sid, submittedAt: now,
            channel: kiosk ? .kiosk : .phone, fillSeconds: fillSeconds,
            networkHash: fingerprint.hash(network: network, on: today),
            answers: answers,
            respondent: existingToken?.mark(isNew: false) ?? newToken?.mark(isNew: true),
            deviceHash: fingerprint.deviceHash(network: network, userAgent: request.headers["User-Agent"], on: today))
        return .store(
            PreparedSubmission(submission: submission, reservation: reservation, newToken: newToken, refusal: refusal))
    }

    /// The reply once the store has spoken.
    @inline(never)
    private func answer(_ outcome: ResponseStore.Outcome, of prepared: PreparedSubmission, target: Target) throws
        -> Response
    {
        if case .stored = outcome {} else { prepared.reservation?.release() }
        // The form's own address says so for this browser (its cookie is answered), and can be reloaded.
        if case .alreadyAnswered = outcome { return .redirect(to: target.path) }
        var response = Response.redirect(to: target.thanksPath)
        if let newToken = prepared.newToken {
            response.setCookie(try respondentCookie(newToken.value))
        }
        return response
    }

    private func rerender(
        _ target: Target, kiosk: Bool, token: String?, state: AnswerPage.State,
        status: HTTPStatus = .unprocessableContent
    ) -> Response {
        let rendered = answerPage(target, kiosk: kiosk).render(state)
        return page(
            head: rendered.head, tail: rendered.tail, target: target, kiosk: kiosk, token: token, status: status)
    }

    /// 429: the same form with the answers as typed and the same token, so sending it again later stores it.
    @inline(never)
    private func tooManyAnswers(
        _ target: Target, kiosk: Bool, token: String, values: [String: [String]], after seconds: Int64
    ) -> Response {
        let notice =
            "Hiện có quá nhiều phiếu được gửi từ cùng một mạng trong một giờ qua nên phiếu này chưa được ghi nhận. "
            + "Các câu trả lời vẫn được giữ nguyên: Anh/Chị có thể gửi lại sau khoảng \(DoorLimits.minutes(seconds)) phút, "
            + "hoặc hãy hỏi cán bộ tại bộ phận một cửa để được hướng dẫn."
        return rerender(
            target, kiosk: kiosk, token: token, state: .init(values: values, notice: notice), status: .tooManyRequests
        )
        .settingHeader("Retry-After", String(seconds))
    }

    // MARK: - Thanks and "already answered"

    func thanks(_ request: Request) async throws -> Response {
        let target = try await target(request)
        let kiosk = isKiosk(request, unit: target.unit)
        let suggestionLink = target.suggestionBoxPath
        let body: HTML
        if kiosk {
            body = """
                <h1>Cảm ơn Anh/Chị đã tham gia khảo sát!</h1>
                <p class="lead">Ý kiến của Anh/Chị đã được ghi nhận. Phiếu mới cho người tiếp theo sẽ mở sau ít giây.</p>
                <p><a class="button primary" href="\(target.path)">Người tiếp theo</a></p>
                """
        } else {
            // The other forms open here that this browser has not answered, then the suggestion box: buttons.
            let unit = target.unit
            let campaignID = target.entry.campaign.id
            let today = environment.clock.today
            let mark = Self.respondentMark(request, cookies: environment.cookieNames)
            let openForms = try await environment.database.read { connection in
                try OpenForms(connection).list(unitID: unit.id, on: today, mark: mark)
            }
            let current = openForms.first { $0.campaign.id == campaignID }
            let others = openForms.filter {
                $0.campaign.id != campaignID && !$0.answered && $0.forOfficials == (current?.forOfficials ?? false)
            }
            let otherForms: HTML =
                others.isEmpty
                ? .empty
                : """
                <h2>Phiếu khác đang mở tại \(unit.name)</h2>
                <ul class="actions">\(others.map { form -> HTML in
                    "<li><a class=\"button\" href=\"\(SiteRoute.answer(campaign: form.campaign.id, unit: unit.code).path)\">Trả lời phiếu: \(form.formTitle)</a></li>"
                })</ul>
                """
            body = """
                <h1>Cảm ơn Anh/Chị đã tham gia khảo sát!</h1>
                <p class="lead">Ý kiến của Anh/Chị đã được ghi nhận và sẽ giúp chính quyền phục vụ Nhân dân tốt hơn.</p>
                \(otherForms)
                <h2>Anh/Chị còn điều gì muốn góp ý?</h2>
                <ul class="actions">
                <li><a class="button primary" href="\(suggestionLink)">Gửi góp ý cho \(unit.name)</a></li>
                <li><a class="button" href="\(SiteRoute.landing(unit: unit.code).path)">Về trang của \(unit.name)</a></li>
                </ul>
                """
        }
        var response = Response.html(Layout.page(title: "Cảm ơn Anh/Chị", banner: environment.banner, body: body))
        if kiosk {
            // The desk tablet returns to a fresh form by itself; no JavaScript needed.
            response.headers.set("Refresh", "8; url=\(target.path)")
        }
        return response
    }

    private func alreadyAnswered(_ target: Target) -> Response {
        let page = Layout.notice(
            title: "Anh/Chị đã trả lời phiếu này",
            message:
                "Trình duyệt này đã gửi phiếu “\(target.entry.form.title)” trong đợt “\(target.entry.campaign.title)”. Mỗi người chỉ trả lời một lần. Cảm ơn Anh/Chị!",
            banner: environment.banner,
            link: (target.suggestionBoxPath, "Gửi góp ý cho \(target.unit.name)"))
        return .html(page)
    }

    // MARK: - Respondent cookie

    private func respondentToken(_ request: Request) -> RespondentToken? {
        request.cookie(environment.cookieNames.respondent).flatMap(RespondentToken.init(cookie:))
    }

    /// What the landing and thanks pages look up to mark the forms this browser has answered.
    static func respondentMark(_ request: Request, cookies: CookieNames) -> RespondentMark? {
        request.cookie(cookies.respondent).flatMap(RespondentToken.init(cookie:))?.mark(isNew: false)
    }

    private func respondentCookie(_ token: String) throws -> SetCookie {
        try SetCookie(
            name: environment.cookieNames.respondent, value: token, maxAge: 400 * 24 * 3600, path: "/",
            httpOnly: true, secure: environment.servesHTTPS, sameSite: .lax)
    }
}
