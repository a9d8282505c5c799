import HTML
import HTTP
import Store
import Survey
import Web

/// The suggestion box (hòm thư góp ý điện tử) of a unit: `/g/{code}` to write, `/g/{code}/{lookup}` to read the
/// state and the reply later (also the receipt a sent suggestion is redirected to, so reloading it stores nothing),
/// `/g/{code}/tra-cuu?ma=CODE` for the box's "look up a reply" field.
///
/// Each rendering of the form carries a signed token naming the unit and a fresh submission id: the same form sent
/// twice (a double tap, a resend after a lost answer) stores one suggestion and answers the same receipt.
struct SuggestionRoutes: Sendable {
    let environment: AppEnvironment
    let originCheck: OriginCheck
    let limits: DoorLimits

    static let maxTextLength = 2000
    static let maxTopicLength = 100

    init(environment: AppEnvironment) {
        self.environment = environment
        self.originCheck = OriginCheck(publicURL: environment.publicURL)
        self.limits = DoorLimits(settings: environment.doors)
    }

    func install(on routes: inout RouteTable) {
        routes.open(.get, .suggestionBox) { request in try await show(request) }
        routes.open(.post, .suggestionBox) { request in try await submit(request) }
        routes.open(.get, .suggestionReceipt) { request in try await lookup(request) }
        routes.open(.get, .suggestionLookup) { request in try await find(request) }
    }

    private func unit(_ request: Request) async throws -> UnitRecord {
        let code = try request.parameters.require("code")
        let today = environment.clock.today
        guard let unit = try await environment.database.read({ try UnitStore($0).resolve(code: code, on: today) }),
            unit.level != "province"
        else {
            throw HTTPError(.notFound, message: "Không tìm thấy đơn vị có mã “\(code)”.")
        }
        return unit
    }

    struct FormState {
        var topic = ""
        var text = ""
        var name = ""
        var phone = ""
        var consent = false
        var errors: [String: String] = [:]
        var notice: String?
        /// The unit's round today, said above the form (`SuggestionRounds`).
        var round: SuggestionRounds.Status = .allYear
    }

    /// The unit's round status today.
    private func round(_ unit: UnitRecord) async throws -> SuggestionRounds.Status {
        let today = environment.clock.today
        return try await environment.database.read { try SuggestionRoundStore($0).rounds(unitCode: unit.code) }
            .status(on: today)
    }

    /// "Đợt 2 đang mở đến 25/06/2024." or when the next opens; nothing for a box open all year.
    static func roundLine(_ status: SuggestionRounds.Status) -> HTML {
        switch status {
        case .allYear:
            return .empty
        case .open(let round, let endsOn):
            return "<p class=\"round\"><strong>Đợt \(round)</strong> đang mở đến hết ngày \(endsOn.vietnamese).</p>"
        case .between(let round, let opensOn, let accepting):
            let meanwhile =
                accepting
                ? " Góp ý gửi lúc này vẫn được nhận và xử lý trong đợt \(round)."
                : " Hòm thư tạm nghỉ giữa hai đợt; mời Anh/Chị gửi góp ý khi đợt mở."
            return
                "<p class=\"round\">Hiện chưa đến đợt góp ý. <strong>Đợt \(round)</strong> mở từ ngày \(opensOn.vietnamese).\(meanwhile)</p>"
        }
    }

    /// The query parameter of the receipt that says it was just sent.
    static let sentFlag = "da-gui"

    func show(_ request: Request) async throws -> Response {
        let unit = try await unit(request)
        return page(unit, state: FormState(round: try await round(unit)))
    }

    func submit(_ request: Request) async throws -> Response {
        let unit = try await unit(request)
        guard originCheck.allows(request.headers) else {
            throw HTTPError(.forbidden, message: "Góp ý được gửi từ một trang khác nên không được chấp nhận.")
        }
        let form = try request.form()
        if !(form["website"] ?? "").isEmpty { throw HTTPError(.badRequest) }
        guard let tokenText = form["token"],
            let token = SuggestionFormToken.decode(tokenText, key: environment.secret), token.unitID == unit.id
        else {
            throw HTTPError(
                .badRequest,
                message: "Góp ý gửi lên không hợp lệ hoặc đã bị sửa. Vui lòng mở lại trang góp ý rồi gửi lại.")
        }
        var state = FormState(
            topic: SearchText.clean(form["topic"] ?? ""), text: SearchText.clean(form["text"] ?? ""),
            name: SearchText.clean(form["name"] ?? ""), phone: SearchText.clean(form["phone"] ?? ""),
            consent: form["consent"] == "1", round: try await round(unit))
        if state.text.isEmpty { state.errors["text"] = "Vui lòng nhập nội dung góp ý." }
        if state.text.count > Self.maxTextLength {
            state.errors["text"] = "Nội dung dài quá \(Self.maxTextLength) ký tự."
        }
        if state.topic.count > Self.maxTopicLength {
            state.errors["topic"] = "Chủ đề dài quá \(Self.maxTopicLength) ký tự."
        }
        if state.name.count > 100 { state.errors["name"] = "Họ tên dài quá 100 ký tự." }
        if !state.phone.isEmpty,
            !state.phone.allSatisfy({ $0.isNumber || $0 == " " || $0 == "+" || $0 == "." }) || state.phone.count > 20
        {
            state.errors["phone"] = "Số điện thoại không hợp lệ."
        }
        if (!state.name.isEmpty || !state.phone.isEmpty) && !state.consent {
            state.errors["consent"] = "Nếu để lại họ tên hoặc số điện thoại, vui lòng đánh dấu đồng ý."
        }
        let now = environment.clock.nowSeconds
        if state.errors.isEmpty, token.isExpired(now: now) {
            // Kept as typed, under a fresh token and id: the person reads it again and sends it once more.
            state.notice =
                "Trang góp ý đã được mở quá một ngày. Nội dung vẫn được giữ nguyên, vui lòng bấm “Gửi góp ý” lần nữa."
            return page(unit, state: state, status: .unprocessableContent)
        }
        if state.errors.isEmpty, token.isTooFast(now: now) {
            state.notice = "Anh/Chị gửi góp ý hơi nhanh. Vui lòng xem lại nội dung rồi bấm “Gửi góp ý” lần nữa."
            return page(unit, state: state, token: tokenText, status: .unprocessableContent)
        }
        guard state.errors.isEmpty else {
            return page(unit, state: state, token: tokenText, status: .unprocessableContent)
        }
        // The daily limit per network: a resend of a stored suggestion is not counted and keeps its receipt.
        let submissionID = token.submissionID
        let reservation: DoorLimits.Reservation?
        switch limits.suggestion(request, unitID: unit.id, now: now) {
        case .allowed(let reserved):
            reservation = reserved
        case .refused(let retryAfter):
            guard
                try await environment.database.read({ try SuggestionStore($0).isStored(submissionID: submissionID) })
            else {
                state.notice =
                    "Hôm nay đã có nhiều góp ý được gửi từ cùng một mạng nên góp ý này chưa được ghi nhận. "
                    + "Nội dung vẫn được giữ nguyên: Anh/Chị có thể gửi lại vào ngày mai, "
                    + "hoặc hãy hỏi cán bộ tại bộ phận một cửa để được hướng dẫn."
                return page(unit, state: state, token: tokenText, status: .tooManyRequests)
                    .settingHeader("Retry-After", String(retryAfter))
            }
            reservation = nil
        }
        let suggestion = NewSuggestion(
            unitID: unit.id, topic: state.topic, text: state.text, senderName: state.name,
            senderPhone: state.phone, consent: state.consent, submissionID: submissionID)
        let saved: SuggestionRecord
        let isNew: Bool
        do {
            (saved, isNew) = try await environment.database.write { connection in
                let store = SuggestionStore(connection)
                let existed = try store.isStored(submissionID: submissionID)
                return (try store.add(suggestion, now: now), !existed)
            }
        } catch let error as SuggestionStoreError where error.kind == .betweenRounds {
            // Between rounds, where the unit takes none: the text stays on the page to send when the round opens.
            reservation?.release()
            state.notice = error.description
            return page(unit, state: state, token: tokenText, status: .conflict)
        } catch {
            reservation?.release()
            throw error
        }
        if !isNew { reservation?.release() }
        return .redirect(
            to: SiteRoute.suggestionReceipt(unit: unit.code, lookup: saved.lookupCode).href([(Self.sentFlag, "1")]))
    }

    /// `?ma=CODE` from the box's lookup field: on to that code's page, or a kind 404 with the field again.
    func find(_ request: Request) async throws -> Response {
        let unit = try await unit(request)
        let code = SearchText.clean(try request.query("ma") ?? "").uppercased().filter { $0 != " " && $0 != "-" }
        guard !code.isEmpty else { return .redirect(to: SiteRoute.suggestionBox(unit: unit.code).path) }
        let reservation = try guessing(request)
        guard code.utf8.count <= 16,
            let suggestion = try await environment.database.read({ try SuggestionStore($0).find(lookupCode: code) }),
            suggestion.unitID == unit.id
        else { return notFound(unit, code: code) }
        reservation.release()
        return .redirect(to: SiteRoute.suggestionReceipt(unit: unit.code, lookup: suggestion.lookupCode).path)
    }

    /// Counts a lookup as a miss until it finds its code (the caller releases it then); past the limit every
    /// lookup from the network is a 429, found or not.
    private func guessing(_ request: Request) throws -> DoorLimits.Reservation {
        switch limits.lookup(request, now: environment.clock.nowSeconds) {
        case .allowed(let reservation):
            return reservation
        case .refused(let retryAfter):
            throw DoorLimits.tooMany(
                "Có quá nhiều lần tra cứu sai mã từ cùng một mạng. Vui lòng thử lại sau khoảng "
                    + "\(DoorLimits.minutes(retryAfter)) phút, hoặc hãy hỏi cán bộ tại bộ phận một cửa.",
                retryAfter: retryAfter)
        }
    }

    private func notFound(_ unit: UnitRecord, code: String) -> Response {
        let body: HTML = """
            <h1>Không tìm thấy mã tra cứu</h1>
            <p class="lead">Chưa tìm thấy góp ý có mã “\(code)” tại \(unit.name). Anh/Chị vui lòng xem lại mã đã ghi (8 ký tự, gồm chữ in hoa và chữ số) rồi nhập lại.</p>
            \(Self.lookupForm(unit, code: code))
            <p><a class="button" href="\(SiteRoute.suggestionBox(unit: unit.code).path)">Về hòm thư góp ý</a></p>
            """
        return .html(
            Layout.page(title: "Không tìm thấy mã tra cứu", banner: environment.banner, body: body), status: .notFound)
    }

    /// A GET form: works without JavaScript, and its address can be bookmarked.
    static func lookupForm(_ unit: UnitRecord, code: String = "") -> HTML {
        """
        <form class="lookup" method="get" action="\(SiteRoute.suggestionLookup(unit: unit.code).path)">
        <p><label for="ma"><strong>Xem trả lời góp ý đã gửi</strong></label></p>
        <p class="help" id="ma-help">Nhập mã tra cứu nhận được khi gửi góp ý.</p>
        <input class="text" id="ma" type="text" name="ma" maxlength="16" autocapitalize="characters" autocomplete="off" spellcheck="false" aria-describedby="ma-help" value="\(code)">
        <p><button type="submit" class="button">Tra cứu</button></p>
        </form>
        """
    }

    func lookup(_ request: Request) async throws -> Response {
        let unit = try await unit(request)
        let code = try request.parameters.require("lookup")
        let reservation = try guessing(request)
        guard code.utf8.count <= 16,
            let suggestion = try await environment.database.read({ try SuggestionStore($0).find(lookupCode: code) }),
            suggestion.unitID == unit.id
        else { return notFound(unit, code: code) }
        reservation.release()
        let lookupPath = SiteRoute.suggestionReceipt(unit: unit.code, lookup: suggestion.lookupCode).path
        let received: HTML =
            try request.query(Self.sentFlag) == nil
            ? .empty
            : """
            <div class="receipt" role="status">
            <h1>Đã nhận góp ý của Anh/Chị</h1>
            <p class="lead">Cảm ơn Anh/Chị đã gửi góp ý cho \(unit.name) (Đợt \(suggestion.round) năm \(suggestion.year)).</p>
            <p>Mã tra cứu của Anh/Chị:</p>
            <p class="code">\(suggestion.lookupCode)</p>
            <p>Hãy ghi lại mã này. Anh/Chị có thể xem trả lời tại địa chỉ:<br><a class="url" href="\(lookupPath)">\(environment.publicURL + lookupPath)</a></p>
            </div>
            """
        let reply: HTML =
            suggestion.reply.map { "<h2>Trả lời của \(unit.name)</h2><p class=\"reply\">\($0)</p>" }
            ?? "<p>Góp ý đang chờ trả lời. Vui lòng quay lại sau.</p>"
        // Under the receipt's heading, the suggestion's own is a level below: one h1 per page.
        let heading: HTML = received.isEmpty ? "1" : "2"
        let topic: HTML = suggestion.topic.map { "<p><strong>Chủ đề:</strong> \($0)</p>" } ?? .empty
        let body: HTML = """
            \(received)
            <h\(heading)>Góp ý mã \(suggestion.lookupCode)</h\(heading)>
            <p class="place">\(unit.name) · Đợt \(suggestion.round) năm \(suggestion.year) · \(suggestion.status.label)</p>
            \(topic)
            <p class="lead">\(suggestion.text)</p>
            \(reply)
            """
        var response = Response.html(Layout.page(title: "Tra cứu góp ý", banner: environment.banner, body: body))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// The form, with the per-rendering token (and the submission id inside it): kept when a refused form comes back (so a
    /// corrected resend is still one suggestion), fresh otherwise.
    private func page(
        _ unit: UnitRecord, state: FormState, token: String? = nil, status: HTTPStatus = .ok
    ) -> Response {
        func error(_ field: String) -> HTML {
            state.errors[field].map { "<p class=\"error\" id=\"e-\(field)\">\($0)</p>" } ?? .empty
        }
        let consent: HTML = state.consent ? " checked" : .empty
        let token =
            token
            ?? SuggestionFormToken(
                unitID: unit.id, issuedAt: environment.clock.nowSeconds,
                submissionID: TimeOrderedID.submissionID(milliseconds: environment.clock.nowMilliseconds)
            ).encode(key: environment.secret)
        let notice: HTML = state.notice.map { "<div class=\"summary\" role=\"alert\"><p>\($0)</p></div>" } ?? .empty
        let body: HTML = """
            <h1>Hòm thư góp ý</h1>
            <p class="place">\(unit.name)</p>
            \(Self.roundLine(state.round))
            \(notice)
            <p>Anh/Chị có thể góp ý, kiến nghị về công việc của chính quyền, cán bộ, bộ phận một cửa. Không bắt buộc ghi tên.</p>
            <form method="post" action="\(SiteRoute.suggestionBox(unit: unit.code).path)" novalidate>
            <p><label for="topic"><strong>Chủ đề</strong> (không bắt buộc)</label>\(error("topic"))
            <input class="text" id="topic" type="text" name="topic" maxlength="\(Self.maxTopicLength)" value="\(state.topic)"></p>
            <p><label for="text"><strong>Nội dung góp ý</strong> <span class="req">*</span></label>\(error("text"))
            <textarea id="text" name="text" rows="6" maxlength="\(Self.maxTextLength)" data-counter="text-counter">\(state.text)</textarea></p>
            <p class="counter" id="text-counter">Tối đa \(Self.maxTextLength) ký tự</p>
            <fieldset class="q"><legend>Thông tin liên hệ (không bắt buộc)</legend>
            <p><label for="name">Họ và tên</label>\(error("name"))<input class="text" id="name" type="text" name="name" maxlength="100" value="\(state.name)"></p>
            <p><label for="phone">Số điện thoại</label>\(error("phone"))<input class="text" id="phone" type="tel" name="phone" maxlength="20" value="\(state.phone)"></p>
            \(error("consent"))<label class="opt"><input type="checkbox" name="consent" value="1"\(consent)> <span>Tôi đồng ý để cán bộ dùng họ tên, số điện thoại này chỉ để liên hệ trả lời góp ý.</span></label>
            </fieldset>
            <div class="trap" aria-hidden="true"><label>Để trống ô này <input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>
            <input type="hidden" name="token" value="\(token)">
            <p><button type="submit" class="button primary">Gửi góp ý</button></p>
            </form>
            <h2>Đã gửi góp ý trước đây?</h2>
            \(Self.lookupForm(unit))
            """
        var response = Response.html(
            Layout.page(
                title: "Hòm thư góp ý – \(unit.name)", banner: environment.banner,
                scripts: ["/static/counter.js"], body: body),
            status: status)
        // Each rendering has its own submission id: a cached copy would make two suggestions one.
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
