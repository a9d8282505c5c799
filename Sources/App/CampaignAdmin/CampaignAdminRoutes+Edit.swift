import Database
import HTML
import HTTP
import Store
import Survey
import Web

/// Creating a campaign (always as a draft) and editing it while it is a draft. The creator's unit owns it (the
/// province for a province account); the owner and the province edit it (`CampaignAccess.manage`). A refused form
/// comes back as a 422 with every value kept and a Vietnamese message beside each wrong field.
extension CampaignAdminRoutes {
    /// The forms the owner may use and the districts it may pick: all for the province, its own for a district,
    /// none for a commune (its campaigns cover itself).
    func choices(owner: String?) async throws -> CampaignFormPage.Choices {
        let today = environment.clock.today
        return try await environment.database.read { connection in
            let units = UnitStore(connection)
            let setID = try units.unitSetID(inForceOn: today)
            let districts = try setID.map { try units.units(inSet: $0, level: "district") } ?? []
            let ownerUnit = try setID.flatMap { id in try owner.flatMap { try units.unit(code: $0, inSet: id) } }
            let owners = try FormStore(connection).owners()
            let forms = try FormStore(connection).forms().filter {
                FormStore.isUsable(formOwner: owners[$0.code], by: owner)
            }
            return CampaignFormPage.Choices(
                forms: forms, districts: owner == nil ? districts : districts.filter { $0.code == owner },
                owner: ownerUnit)
        }
    }

    /// The draft in the path, once `CampaignAccess.manage` lets the user change it (404, 403; 409 if not a draft).
    func managedDraft(_ id: Int64, user: AuthenticatedUser) async throws -> CampaignRecord {
        try await environment.database.read { connection in
            _ = try CampaignAccess.manage(connection, user: user, campaignID: id)
            return try Self.draft(id: id, store: CampaignStore(connection))
        }
    }

    func formResponse(
        _ request: Request, user: AuthenticatedUser, input: CampaignFormInput, errors: [String: String],
        campaignID: Int64?, owner: String?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading = campaignID.map { "Sửa bản nháp đợt khảo sát số \($0)" } ?? "Tạo đợt khảo sát mới"
        let action = campaignID.map { SiteRoute.editCampaign(campaign: $0).path } ?? SiteRoute.newCampaign.path
        let body = CampaignFormPage.body(
            input, errors: errors, choices: try await choices(owner: owner), action: action,
            heading: heading, csrf: request.csrfToken)
        return page(request, user: user, title: heading, body: body, status: status)
    }

    func newForm(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        var input = CampaignFormInput()
        let today = environment.clock.today
        input.startsOn = today.iso
        input.endsOn = today.adding(days: 30).iso
        return try await formResponse(
            request, user: user, input: input, errors: [:], campaignID: nil,
            owner: CampaignAccess.owner(for: user))
    }

    func create(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let input = CampaignFormInput(form: try request.form())
        let owner = CampaignAccess.owner(for: user)
        let formCodes = Set(try await choices(owner: owner).forms.map(\.code))
        let (validated, errors) = input.validate(formCodes: formCodes)
        guard var owned = validated else {
            return try await formResponse(
                request, user: user, input: input, errors: errors, campaignID: nil, owner: owner,
                status: .unprocessableContent)
        }
        owned.owner = owner
        let campaign = owned
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
                campaignID: nil, owner: owner, status: .unprocessableContent)
        }
        return .redirect(to: SiteRoute.campaigns.href([("done", "created")]))
    }

    func editForm(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try Self.campaignID(request)
        let campaign = try await managedDraft(id, user: user)
        let input = try await environment.database.read { connection -> CampaignFormInput in
            let store = CampaignStore(connection)
            let codes = try store.unitCodes(campaignID: id)
            let levels = try FormStore(connection).forms().first { $0.code == campaign.formCode }?.unitLevels ?? []
            let units = UnitStore(connection)
            let everyUnit = try levels.reduce(0) { $0 + (try units.units(inSet: campaign.unitSetID, level: $1).count) }
            return CampaignFormInput(campaign: campaign, unitCodes: codes.count == everyUnit ? nil : codes)
        }
        return try await formResponse(
            request, user: user, input: input, errors: [:], campaignID: id, owner: campaign.ownerUnitCode)
    }

    func update(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try Self.campaignID(request)
        let owner = try await managedDraft(id, user: user).ownerUnitCode
        let input = CampaignFormInput(form: try request.form())
        let formCodes = Set(try await choices(owner: owner).forms.map(\.code))
        let (validated, errors) = input.validate(formCodes: formCodes)
        guard let campaign = validated else {
            return try await formResponse(
                request, user: user, input: input, errors: errors, campaignID: id, owner: owner,
                status: .unprocessableContent)
        }
        let today = environment.clock.today
        let now = environment.clock.nowSeconds
        do {
            try await environment.database.write { connection in
                let store = CampaignStore(connection)
                _ = try CampaignAccess.manage(connection, user: user, campaignID: id)
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
                campaignID: id, owner: owner, status: .unprocessableContent)
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
