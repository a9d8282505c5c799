import HTML
import HTTP
import Survey
import Web

/// `/admin/campaigns/{id}/report`: the commune work team's daily report (or, for a PKS01 campaign, the headcount
/// of officials, once), accepted only inside the window for today's date; and `/late`, where a district opens late
/// entry for one of its communes and one date.
struct DailyReportRoutes: Sendable {
    let environment: AppEnvironment

    func install(on router: inout Router) {
        router.get("/admin/campaigns/:campaign/report") { request in try await show(request) }
        router.post("/admin/campaigns/:campaign/report") { request in try await submit(request) }
        router.post("/admin/campaigns/:campaign/late") { request in try await openLate(request) }
    }

    /// The unit a user reports for: their own, when the campaign covers it.
    private func ownUnit(_ context: ConsoleContext) throws -> Int64 {
        guard context.unitIDs.contains(context.user.unitID) else {
            throw HTTPError(.forbidden, message: "Đơn vị của tài khoản không tham gia đợt khảo sát này.")
        }
        return context.user.unitID
    }

    func show(_ request: Request) async throws -> Response {
        let context = try await ConsoleContext.load(request, environment: environment, roles: [.commune, .district])
        let unitID = try ownUnit(context)
        let today = environment.clock.today
        let existing = try await environment.database.read { connection in
            (try DailyReportStore(connection).report(campaignID: context.campaign.id, unitID: unitID, date: today),
             try HeadcountStore(connection).headcount(campaignID: context.campaign.id, unitID: unitID))
        }
        var state = DailyReportForm.State()
        if let report = existing.0 { state = .init(report: report) }
        return page(context, state: state, headcount: existing.1, status: .ok, request: request)
    }

    func submit(_ request: Request) async throws -> Response {
        let context = try await ConsoleContext.load(request, environment: environment, roles: [.commune, .district])
        let unitID = try ownUnit(context)
        let form = try request.form()
        var fields: [String: [String]] = [:]
        for field in form.fields { fields[field.name, default: []].append(field.value) }
        let now = environment.clock.nowSeconds
        let today = VietnamTime.localDate(at: now)
        let user = context.user

        if context.campaign.formCode == "PKS01", let text = form["headcount"] {
            guard let headcount = Int(text.trimmingCharacters(in: .whitespaces)), (0...DailyReportDraft.maxCount).contains(headcount) else {
                return page(context, state: .init(fields: fields, errors: ["headcount": "Số cán bộ, công chức phải là số nguyên không âm."]),
                            headcount: nil, status: .unprocessableContent, request: request)
            }
            do {
                try await environment.database.write { connection in
                    try HeadcountStore(connection).enter(campaignID: context.campaign.id, unitID: unitID,
                                                         headcount: headcount, actingUserID: user.id, now: now)
                }
            } catch let error as ReportSubmissionError {
                return page(context, state: .init(fields: fields, message: error.message), headcount: nil,
                            status: error.status, request: request)
            }
            return .redirect(to: "/admin/campaigns/\(context.campaign.id)/report?saved=1")
        }

        switch DailyReportDraft.parse(fields, campaignID: context.campaign.id, unitID: unitID, date: today) {
        case .failure(let error):
            var errors: [String: String] = [:]
            if case .invalid(let fieldErrors) = error.kind { errors = fieldErrors }
            return page(context, state: .init(fields: fields, errors: errors, message: error.message), headcount: nil,
                        status: error.status, request: request)
        case .success(let draft):
            do {
                let receipt = try await environment.database.write { connection in
                    try DailyReportStore(connection).submit(draft, actingUserID: user.id, now: now)
                }
                let note = receipt.onTime ? "" : "&late=1"
                return .redirect(to: "/admin/campaigns/\(context.campaign.id)/report?saved=\(receipt.version)\(note)")
            } catch let error as ReportSubmissionError {
                return page(context, state: .init(fields: fields, message: error.message), headcount: nil,
                            status: error.status, request: request)
            }
        }
    }

    func openLate(_ request: Request) async throws -> Response {
        let context = try await ConsoleContext.load(request, environment: environment, roles: [.district, .province])
        let form = try request.form()
        guard let code = form["unit"], let date = form["date"].flatMap({ LocalDate(iso: $0) }) else {
            throw HTTPError(.unprocessableContent, message: "Vui lòng chọn đơn vị và ngày hợp lệ.")
        }
        let reason = SearchText.clean(form["reason"] ?? "")
        guard !reason.isEmpty, reason.count <= 500 else {
            throw HTTPError(.unprocessableContent, message: "Vui lòng ghi lý do mở báo cáo muộn (tối đa 500 ký tự).")
        }
        let user = context.user, now = environment.clock.nowSeconds
        let campaign = context.campaign
        do {
            try await environment.database.write { connection in
            guard let unit = try UnitStore(connection).unit(code: code, inSet: campaign.unitSetID),
                  context.unitIDs.contains(unit.id) else {
                throw HTTPError(.forbidden, message: "Đơn vị \(code) không thuộc phạm vi quản lý của tài khoản trong đợt này.")
            }
            _ = try LateEntryStore(connection).open(campaignID: campaign.id, unitID: unit.id, date: date, reason: reason,
                                                    openedBy: user.id, now: now, until: nil)
            try AuditLog(connection).record(user, action: .lateEntryOpen,
                                            detail: "Đợt \(campaign.id), \(unit.code) \(unit.name), ngày \(date.iso): \(reason)",
                                            at: now)
            }
        } catch let error as ReportSubmissionError {
            throw HTTPError(error.status, message: error.message)
        }
        return .redirect(to: "/admin/campaigns/\(campaign.id)?late=\(code)")
    }

    private func page(_ context: ConsoleContext, state: DailyReportForm.State, headcount: Int?, status: HTTPStatus,
                      request: Request) -> Response {
        let saved = (try? request.query("saved")) ?? nil
        let late = ((try? request.query("late")) ?? nil) != nil
        let body = DailyReportForm(context: context, now: environment.clock.nowSeconds, csrf: request.csrfToken,
                                   state: state, headcount: headcount, saved: saved, late: late).render()
        return AdminPage.response(AdminLayout.page(title: "Báo cáo ngày", user: context.user, csrf: request.csrfToken,
                                                   banner: environment.banner, body: body), status: status)
    }
}
