import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/report`: a unit's one daily report per day, counted by every open campaign covering it (today inside the
/// window, or a past day the district opened for late entry, `?date=`); `/admin/late`: the late-entry openings in
/// force in a district's scope, each with a close button (`/admin/late/{opening}/close`, 303 back to the list).
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
        routes.page(.post, .closeLateEntry, roles: Access.managers) { request, user in
            try await closeOpening(request, user: user)
        }
    }

    /// What the page shows besides the form, read together.
    struct PageData: Sendable {
        let day: ReportDay
        let report: DailyReport?
        let openings: [LateEntryOpening]
    }

    private func load(unitID: Int64, date: LocalDate) async throws -> PageData {
        let now = environment.clock.nowSeconds
        return try await environment.database.read { connection in
            let reports = DailyReportStore(connection)
            return PageData(
                day: try reports.day(unitID: unitID, date: date),
                report: try reports.report(unitID: unitID, date: date),
                openings: try LateEntryStore(connection).activeOpenings(unitID: unitID, at: now))
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
        return AdminPage.response(
            AdminLayout.page(
                title: "Báo cáo ngày", user: user, csrf: request.csrfToken, banner: environment.banner, body: body),
            status: status)
    }

    func listOpenings(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let now = environment.clock.nowSeconds
        let listings = try await environment.database.read { connection in
            try LateEntryStore(connection).inForce(for: user, at: now)
        }
        let closed = (try? request.query("closed")).flatMap { $0 }.map { $0 == "1" }
        let body = LateEntriesPage(listings: listings, csrf: request.csrfToken, closed: closed).render()
        return AdminPage.response(
            AdminLayout.page(
                title: "Nhập muộn đang mở", user: user, csrf: request.csrfToken, banner: environment.banner,
                body: body))
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
