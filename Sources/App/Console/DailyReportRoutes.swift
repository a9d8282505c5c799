import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/campaigns/{id}/report`, the campaign's old address of the daily report: for a campaign that counts
/// officials (PKS01) the page of their headcount, entered once per campaign; for any other a 303 to the unit's one
/// report (`/admin/report`, `?date=` kept), where a form posted to this old address is also filed (through the
/// campaign, which must cover the unit and the day). And `/late`, where a district opens late entry for one of its
/// communes and one date, then sees the opening with its end at `/late/{opening}`.
struct DailyReportRoutes: Sendable {
    let environment: AppEnvironment

    static let reporters: Set<Role> = [.commune, .district]

    func install(on routes: inout RouteTable) {
        routes.page(.get, .dailyReport, roles: Self.reporters) { request, user in try await show(request, user: user) }
        routes.page(.post, .dailyReport, roles: Self.reporters) { request, user in
            try await submit(request, user: user)
        }
        routes.page(.post, .lateEntry, roles: Access.managers) { request, user in
            try await openLate(request, user: user)
        }
        routes.page(.get, .lateEntryOpening, roles: Access.managers) { request, user in
            try await showOpening(request, user: user)
        }
    }

    /// What the headcount page shows.
    struct PageData: Sendable {
        /// The one rule (`ReportingCampaign.countsOfficials`): a headcount instead of daily reports.
        let countsOfficials: Bool
        let headcount: Int?
    }

    /// The unit a user reports for: their own, when the campaign covers it.
    private func ownUnit(_ context: ConsoleContext) throws -> Int64 {
        guard context.unitIDs.contains(context.user.unitID) else {
            throw HTTPError(.forbidden, message: "Đơn vị của tài khoản không tham gia đợt khảo sát này.")
        }
        return context.user.unitID
    }

    private func load(_ context: ConsoleContext, unitID: Int64) async throws -> PageData {
        let campaignID = context.campaign.id
        return try await environment.database.read { connection in
            PageData(
                countsOfficials: try ReportingCampaign.load(connection, campaignID: campaignID)?.countsOfficials
                    ?? false,
                headcount: try HeadcountStore(connection).headcount(campaignID: campaignID, unitID: unitID))
        }
    }

    func show(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let unitID = try ownUnit(context)
        let data = try await load(context, unitID: unitID)
        guard data.countsOfficials else {
            let date = try request.query("date")
            return .redirect(to: SiteRoute.unitReport.href([("date", date?.isEmpty == false ? date : nil)]))
        }
        return page(context, data: data, state: .init(), status: .ok, request: request)
    }

    func submit(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let unitID = try ownUnit(context)
        let data = try await load(context, unitID: unitID)
        guard data.countsOfficials else {
            return try await UnitReportRoutes(environment: environment).submit(
                request, user: user, campaignID: context.campaign.id)
        }
        let form = try request.form()
        var fields: [String: [String]] = [:]
        for field in form.fields { fields[field.name, default: []].append(field.value) }
        let now = environment.clock.nowSeconds
        guard let text = form[HeadcountStore.field], let headcount = Int(text.trimmingCharacters(in: .whitespaces)),
            (0...DailyReportDraft.maxCount).contains(headcount)
        else {
            let errors = [HeadcountStore.field: "Số cán bộ, công chức phải là số nguyên không âm."]
            return page(
                context, data: data, state: .init(fields: fields, errors: errors),
                status: .unprocessableContent, request: request)
        }
        do {
            try await environment.database.write { connection in
                try HeadcountStore(connection).enter(
                    campaignID: context.campaign.id, unitID: unitID,
                    headcount: headcount, by: user, now: now)
            }
        } catch let error as ReportSubmissionError {
            return page(
                context, data: data, state: .init(fields: fields, message: error.message),
                status: error.status, request: request)
        }
        return .redirect(to: SiteRoute.dailyReport(campaign: context.campaign.id).href([("saved", "1")]))
    }

    func openLate(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let form = try request.form()
        guard let code = form["unit"], let date = form["date"].flatMap({ LocalDate(iso: $0) }) else {
            throw HTTPError(.unprocessableContent, message: "Vui lòng chọn đơn vị và ngày hợp lệ.")
        }
        let reason = SearchText.clean(form["reason"] ?? "")
        guard !reason.isEmpty, reason.count <= LateEntryStore.maxReasonLength else {
            throw HTTPError(.unprocessableContent, message: "Vui lòng ghi lý do mở báo cáo muộn (tối đa 500 ký tự).")
        }
        // "Hạn nhập": the last day the commune may file; empty for the default (the end of tomorrow).
        var until: Int64?
        if let text = form["until"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let lastDay = LocalDate(iso: text) else {
                throw HTTPError(.unprocessableContent, message: "Hạn nhập muộn “\(text)” không phải một ngày hợp lệ.")
            }
            until = LateEntryOpening.end(lastDay: lastDay)
        }
        let now = environment.clock.nowSeconds
        let campaign = context.campaign
        let scope = context.unitIDs
        let deadline = until
        let opening: LateEntryOpening
        do {
            opening = try await environment.database.write { connection in
                guard let unit = try UnitStore(connection).unit(code: code, inSet: campaign.unitSetID),
                    scope.contains(unit.id)
                else {
                    throw HTTPError(
                        .forbidden,
                        message: "Đơn vị \(code) không thuộc phạm vi quản lý của tài khoản trong đợt này.")
                }
                return try LateEntryStore(connection).open(
                    campaignID: campaign.id, unitID: unit.id, date: date,
                    reason: reason, by: user, now: now, until: deadline)
            }
        } catch let error as ReportSubmissionError {
            var message = error.message
            if case .invalid(let fields) = error.kind {
                message += " " + fields.keys.sorted().compactMap { fields[$0] }.joined(separator: " ")
            }
            throw HTTPError(error.status, message: message)
        }
        return .redirect(to: SiteRoute.lateEntryOpening(campaign: campaign.id, opening: opening.id).path)
    }

    /// The confirmation after opening: which commune, which day, until when.
    func showOpening(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let context = try await ConsoleContext.load(request, user: user, environment: environment)
        let openingID = try request.parameters.require("opening", as: Int64.self)
        let campaignID = context.campaign.id
        let found = try await environment.database.read { connection -> (LateEntryOpening, UnitRecord)? in
            guard let opening = try LateEntryStore(connection).opening(id: openingID),
                opening.campaignID == campaignID,
                let unit = try UnitStore(connection).unit(id: opening.unitID)
            else { return nil }
            return (opening, unit)
        }
        guard let (opening, unit) = found, context.unitIDs.contains(opening.unitID) else {
            throw HTTPError(.notFound, message: "Không có lượt mở nhập muộn này.")
        }
        let body = LateEntryPage(
            campaignID: campaignID, opening: opening, unitCode: unit.code, unitName: unit.name,
            now: environment.clock.nowSeconds
        ).render()
        return AdminPage.response(
            AdminLayout.page(
                title: "Mở nhập muộn", user: context.user, csrf: request.csrfToken,
                banner: environment.banner, body: body))
    }

    private func page(
        _ context: ConsoleContext, data: PageData, state: HeadcountForm.State, status: HTTPStatus,
        request: Request
    ) -> Response {
        let saved = ((try? request.query("saved")) ?? nil) != nil
        let body = HeadcountForm(
            context: context, csrf: request.csrfToken, state: state, headcount: data.headcount, saved: saved
        ).render()
        return AdminPage.response(
            AdminLayout.page(
                title: "Số cán bộ, công chức", user: context.user, csrf: request.csrfToken,
                banner: environment.banner, body: body), status: status)
    }
}
