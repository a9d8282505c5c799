import Database
import HTML
import HTTP
import Store
import Survey
import Web

/// Creating a campaign (always as a draft) and editing it while it is a draft. Province only. A refused form
/// comes back as a 422 with every value kept and a Vietnamese message beside each wrong field.
extension CampaignAdminRoutes {
    func choices() async throws -> CampaignFormPage.Choices {
        let today = environment.clock.today
        return try await environment.database.read { connection in
            let units = UnitStore(connection)
            let districts = try units.unitSetID(inForceOn: today).map { try units.units(inSet: $0, level: "district") }
            return CampaignFormPage.Choices(forms: try FormStore(connection).forms(), districts: districts ?? [])
        }
    }

    func formResponse(
        _ request: Request, user: AuthenticatedUser, input: CampaignFormInput, errors: [String: String],
        campaignID: Int64?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading = campaignID.map { "Sửa bản nháp đợt khảo sát số \($0)" } ?? "Tạo đợt khảo sát mới"
        let action = campaignID.map { SiteRoute.editCampaign(campaign: $0).path } ?? SiteRoute.newCampaign.path
        let body = CampaignFormPage.body(
            input, errors: errors, choices: try await choices(), action: action,
            heading: heading, csrf: request.csrfToken)
        return page(request, user: user, title: heading, body: body, status: status)
    }

    func newForm(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        var input = CampaignFormInput()
        let today = environment.clock.today
        input.startsOn = today.iso
        input.endsOn = today.adding(days: 30).iso
        return try await formResponse(request, user: user, input: input, errors: [:], campaignID: nil)
    }

    func create(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let input = CampaignFormInput(form: try request.form())
        let formCodes = Set(try await choices().forms.map(\.code))
        let (validated, errors) = input.validate(formCodes: formCodes)
        guard let campaign = validated else {
            return try await formResponse(
                request, user: user, input: input, errors: errors, campaignID: nil,
                status: .unprocessableContent)
        }
        let today = environment.clock.today
        let now = environment.clock.nowSeconds
        do {
            try await environment.database.write { connection in
                let id = try CampaignStore(connection).create(campaign, today: today, now: now)
                try AuditLog(connection).record(
                    user, action: .campaignCreate,
                    detail: try Self.auditDetail(id: id, campaign, connection: connection),
                    at: now)
            }
        } catch let error as CampaignStoreError {
            return try await formResponse(
                request, user: user, input: input, errors: ["general": error.description],
                campaignID: nil, status: .unprocessableContent)
        }
        return .redirect(to: SiteRoute.campaigns.href([("done", "created")]))
    }

    func editForm(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try Self.campaignID(request)
        let input = try await environment.database.read { connection -> CampaignFormInput in
            let store = CampaignStore(connection)
            let campaign = try Self.draft(id: id, store: store)
            let codes = try store.unitCodes(campaignID: id)
            let levels = try FormStore(connection).forms().first { $0.code == campaign.formCode }?.unitLevels ?? []
            let units = UnitStore(connection)
            let everyUnit = try levels.reduce(0) { $0 + (try units.units(inSet: campaign.unitSetID, level: $1).count) }
            return CampaignFormInput(campaign: campaign, unitCodes: codes.count == everyUnit ? nil : codes)
        }
        return try await formResponse(request, user: user, input: input, errors: [:], campaignID: id)
    }

    func update(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try Self.campaignID(request)
        let input = CampaignFormInput(form: try request.form())
        let formCodes = Set(try await choices().forms.map(\.code))
        let (validated, errors) = input.validate(formCodes: formCodes)
        guard let campaign = validated else {
            return try await formResponse(
                request, user: user, input: input, errors: errors, campaignID: id,
                status: .unprocessableContent)
        }
        let today = environment.clock.today
        let now = environment.clock.nowSeconds
        do {
            try await environment.database.write { connection in
                let store = CampaignStore(connection)
                _ = try Self.draft(id: id, store: store)
                try store.updateDraft(id: id, with: campaign, today: today)
                try AuditLog(connection).record(
                    user, action: .campaignUpdate,
                    detail: try Self.auditDetail(id: id, campaign, connection: connection),
                    at: now)
            }
        } catch let error as CampaignStoreError {
            return try await formResponse(
                request, user: user, input: input, errors: ["general": error.description],
                campaignID: id, status: .unprocessableContent)
        }
        return .redirect(to: SiteRoute.campaigns.href([("done", "updated")]))
    }

    /// The campaign if it exists (404) and is still a draft (409).
    static func draft(id: Int64, store: CampaignStore) throws -> CampaignRecord {
        guard let campaign = try store.campaign(id: id) else {
            throw HTTPError(.notFound, message: "Không có đợt khảo sát số \(id).")
        }
        guard campaign.schedule.state == .draft else {
            throw HTTPError(
                .conflict,
                message:
                    "Đợt khảo sát “\(campaign.title)” đang ở trạng thái “\(campaign.schedule.state.label)”; chỉ sửa được bản nháp."
            )
        }
        return campaign
    }

    static func auditDetail(id: Int64, _ campaign: NewCampaign, connection: Connection) throws -> String {
        let units = try CampaignStore(connection).unitCount(campaignID: id)
        return
            "Đợt số \(id) “\(campaign.title)”: mẫu \(campaign.formCode), \(campaign.startsOn.vietnamese)–\(campaign.endsOn.vietnamese), \(units) đơn vị"
    }
}
