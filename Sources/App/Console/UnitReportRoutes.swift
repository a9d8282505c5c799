import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/report`: a unit's one daily report per day, counted by every open campaign covering it (today inside the
/// window, or a past day the district opened for late entry, `?date=`); `/admin/late`: the late-entry openings in
/// force in a district's scope, each with a close button (`/admin/late/{opening}/close`, 303 back to the list), and
/// a form to open one for a unit and a day without going through a campaign (303 to its confirmation).
struct UnitReportRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .unitReport, roles: DailyReportRoutes.reporters) { request, user in
            try await show(request, user: user)
        }
        routes.page(.post, .unitReport, roles: DailyReportRoutes.reporters) { request, user in
            try await submit(request, user: user, campaignID: nil)
        }
        routes.page(.get, .lateEntries, roles: Access.managers) { request, user in
            try await listOpenings(request, user: user)
        }
        routes.page(.post, .lateEntries, roles: Access.managers) { request, user in
            try await openFromList(request, user: user)
        }
        routes.page(.post, .closeLateEntry, roles: Access.managers) { request, user in
            try await closeOpening(request, user: user)
        }
    }

    /// What the page shows besides the form, read together.
    struct PageData: Sendable {
        let day: ReportDay
        let report: DailyReport?
        let openings: [LateEntryOpening]
        /// The day's photos and the replies of those above (issue 15).
        let photos: [ReportPhoto]
        let replies: [ReportReply]
    }

    private func load(unitID: Int64, date: LocalDate) async throws -> PageData {
        let now = environment.clock.nowSeconds
        return try await environment.database.read { connection in
            let reports = DailyReportStore(connection)
            let reading = ReportReadingStore(connection)
            let report = try reports.report(unitID: unitID, date: date)
            return PageData(
                day: try reports.day(unitID: unitID, date: date), report: report,
                openings: try LateEntryStore(connection).activeOpenings(unitID: unitID, at: now),
                photos: try reading.photos(unitID: unitID, date: date),
                replies: try report.map { try reading.replies(reportID: $0.id) } ?? [])
        }
    }

    /// The day the page is for: `date` if given (a day opened for late entry), otherwise today.
    static func day(_ text: String?, today: LocalDate) throws -> LocalDate {
        guard let text, !text.isEmpty else { return today }
        guard let date = LocalDate(iso: text) else {
            throw HTTPError(.badRequest, message: "Ngày “\(text)” không hợp lệ; dùng dạng NNNN-TT-NN.")
        }
        return date
    }

    func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let date = try Self.day(try request.query("date"), today: environment.clock.today)
        let data = try await load(unitID: user.unitID, date: date)
        let state = data.report.map { UnitReportForm.State(report: $0) } ?? .init()
        return page(request, user: user, date: date, data: data, state: state, status: .ok)
    }

    /// Files the unit's report of the form's day; `campaignID` when it came through a campaign's old address (the
    /// campaign must then cover the unit and the day). Answers 303 to the report page of that day.
    func submit(_ request: Request, user: AuthenticatedUser, campaignID: Int64?) async throws -> Response {
        let form = try request.form()
        var fields: [String: [String]] = [:]
        for field in form.fields { fields[field.name, default: []].append(field.value) }
        let now = environment.clock.nowSeconds
        let today = VietnamTime.localDate(at: now)
        let date = try Self.day(form["date"], today: today)
        let unitID = user.unitID
        let refused: ReportSubmissionError
        switch DailyReportDraft.parse(fields, campaignID: campaignID, unitID: unitID, date: date) {
        case .failure(let error):
            refused = error
        case .success(let draft):
            do {
                let receipt = try await environment.database.write { connection in
                    try DailyReportStore(connection).submit(draft, by: user, now: now)
                }
                environment.flagScanner.scanSoon()
                return .redirect(
                    to: SiteRoute.unitReport.href([
                        ("date", date == today ? nil : date.iso), ("saved", String(receipt.version)),
                        ("late", receipt.onTime ? nil : "1"),
                    ]))
            } catch let error as ReportSubmissionError {
                refused = error
            }
        }
        var errors: [String: String] = [:]
        if case .invalid(let fieldErrors) = refused.kind { errors = fieldErrors }
        let data = try await load(unitID: unitID, date: date)
        return page(
            request, user: user, date: date, data: data,
            state: .init(fields: fields, errors: errors, message: refused.message), status: refused.status)
    }

    private func page(
        _ request: Request, user: AuthenticatedUser, date: LocalDate, data: PageData, state: UnitReportForm.State,
        status: HTTPStatus
    ) -> Response {
        let saved = (try? request.query("saved")) ?? nil
        let late = ((try? request.query("late")) ?? nil) != nil
        let body = UnitReportForm(
            user: user, now: environment.clock.nowSeconds, date: date, day: data.day, report: data.report,
            openings: data.openings, csrf: request.csrfToken, state: state, saved: saved, late: late
        ).render()
        let photoAdded = ((try? request.query("photo")) ?? nil) != nil
        let extra = UnitReportDaySection(
            user: user, date: date, today: environment.clock.today, photos: data.photos, replies: data.replies,
            currentVersion: data.report?.version, rules: environment.reportPhotos, csrf: request.csrfToken,
            photoAdded: photoAdded
        ).render()
        return AdminPage.response(
            AdminLayout.page(
                title: "Báo cáo ngày", user: user, csrf: request.csrfToken, banner: environment.banner,
                body: "\(body)\(extra)"),
            status: status)
    }

    func listOpenings(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let closed = (try? request.query("closed")).flatMap { $0 }.map { $0 == "1" }
        return try await openingsPage(request, user: user, closed: closed, form: [:], message: nil, status: .ok)
    }

    private func openingsPage(
        _ request: Request, user: AuthenticatedUser, closed: Bool?, form: [String: String], message: String?,
        status: HTTPStatus
    ) async throws -> Response {
        let now = environment.clock.nowSeconds
        let (listings, units) = try await environment.database.read { connection in
            let listings = try LateEntryStore(connection).inForce(for: user, at: now)
            // A district picks among its communes and desk; the province types a code.
            let units: [UnitRecord] =
                user.role == .district
                ? [try UnitStore(connection).unit(id: user.unitID)].compactMap { $0 }
                    + (try UnitStore(connection).children(of: user.unitID))
                : []
            return (listings, units)
        }
        let body = LateEntriesPage(
            listings: listings, csrf: request.csrfToken, closed: closed, units: units,
            today: VietnamTime.localDate(at: now), form: form, message: message
        ).render()
        return AdminPage.response(
            AdminLayout.page(
                title: "Nhập muộn đang mở", user: user, csrf: request.csrfToken, banner: environment.banner,
                body: body), status: status)
    }

    /// Opens late entry from the list page: the unit by code (in the user's scope), the day, a reason, and
    /// optionally a last day; the store records it under an open campaign covering the unit and the day.
    func openFromList(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let form = try request.form()
        var typed: [String: String] = [:]
        for name in ["unit", "date", "reason", "until"] { typed[name] = form[name] ?? "" }
        func refuse(_ message: String, _ status: HTTPStatus) async throws -> Response {
            try await openingsPage(request, user: user, closed: nil, form: typed, message: message, status: status)
        }
        let code = (form["unit"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, let date = form["date"].flatMap({ LocalDate(iso: $0) }) else {
            return try await refuse("Vui lòng chọn đơn vị và ngày hợp lệ.", .unprocessableContent)
        }
        var until: Int64?
        if let text = form["until"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let lastDay = LocalDate(iso: text) else {
                return try await refuse(
                    "Hạn nhập muộn “\(text)” không phải một ngày hợp lệ.", .unprocessableContent)
            }
            until = LateEntryOpening.end(lastDay: lastDay)
        }
        let reason = form["reason"] ?? ""
        let now = environment.clock.nowSeconds
        let deadline = until
        do {
            let opening = try await environment.database.write { connection in
                guard let own = try UnitStore(connection).unit(id: user.unitID),
                    let unit = try UnitStore(connection).unit(code: code, inSet: own.unitSetID),
                    try UnitScope(user: user, connection: connection).contains(unitID: unit.id)
                else {
                    throw HTTPError(.forbidden, message: "Đơn vị \(code) không thuộc phạm vi quản lý của tài khoản.")
                }
                return try LateEntryStore(connection).open(
                    unitID: unit.id, date: date, reason: reason, by: user, now: now, until: deadline)
            }
            return .redirect(
                to: SiteRoute.lateEntryOpening(campaign: opening.campaignID, opening: opening.id).path)
        } catch let error as ReportSubmissionError {
            var message = error.message
            if case .invalid(let fields) = error.kind {
                message += " " + fields.keys.sorted().compactMap { fields[$0] }.joined(separator: " ")
            }
            return try await refuse(message, error.status)
        }
    }

    func closeOpening(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let openingID = try request.parameters.require("opening", as: Int64.self)
        let now = environment.clock.nowSeconds
        let closed = try await environment.database.write { connection in
            guard let opening = try LateEntryStore(connection).opening(id: openingID) else {
                throw HTTPError(.notFound, message: "Không có lượt mở nhập muộn này.")
            }
            guard try UnitScope(user: user, connection: connection).contains(unitID: opening.unitID) else {
                throw HTTPError(.forbidden, message: "Đơn vị của lượt mở nhập muộn này không thuộc phạm vi quản lý.")
            }
            return try LateEntryStore(connection).close(openingID: openingID, by: user, now: now)
        }
        return .redirect(to: SiteRoute.lateEntries.href([("closed", closed ? "1" : "0")]))
    }
}
