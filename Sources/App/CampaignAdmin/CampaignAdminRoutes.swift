import HTML
import HTTP
import Store
import Survey
import Web

/// `/admin/campaigns`: every role sees the campaigns covering units of its scope (the province all of them),
/// with links to each dashboard and to the QR codes. Every role creates campaigns it owns (a district for its
/// communes, a commune for itself, the province for anyone) and edits (while draft), opens and closes them; the
/// province manages every campaign (`CampaignAccess.manage`: the one rule). Also installs the form pages (`FormAdminRoutes`) and the kiosk link (`KioskRoutes`).
struct CampaignAdminRoutes: Sendable {
    let environment: AppEnvironment

    static let notices: [String: String] = [
        "created":
            "Đã tạo đợt khảo sát ở trạng thái bản nháp. Kiểm tra lại rồi bấm “Mở đợt” để người dân trả lời được.",
        "updated": "Đã lưu bản nháp.",
        "opened": "Đã mở đợt khảo sát.",
        "closed": "Đã đóng đợt khảo sát.",
    ]

    func install(on routes: inout RouteTable) {
        routes.page(.get, .campaigns) { request, user in try await list(request, user: user) }
        // Every role reaches these pages; which campaign a user may change is `CampaignAccess.manage`'s answer.
        let everyone = Access.anyRole
        routes.page(.get, .newCampaign, roles: everyone) { request, user in try await newForm(request, user: user) }
        routes.page(.post, .newCampaign, roles: everyone) { request, user in try await create(request, user: user) }
        routes.page(.get, .editCampaign, roles: everyone) { request, user in try await editForm(request, user: user) }
        routes.page(.post, .editCampaign, roles: everyone) { request, user in try await update(request, user: user) }
        routes.page(.post, .openCampaign, roles: everyone) { request, user in
            try await changeState(request, user: user, to: .open)
        }
        // Closing stops every answer at once: a confirmation page first (no JavaScript needed), then the POST.
        routes.page(.get, .closeCampaign, roles: everyone) { request, user in
            try await confirmClose(request, user: user)
        }
        routes.page(.post, .closeCampaign, roles: everyone) { request, user in
            let id = try Self.campaignID(request)
            // Refused before the confirmation, so nobody is sent to a page they may not open.
            _ = try await environment.database.read { try CampaignAccess.manage($0, user: user, campaignID: id) }
            guard try request.formValue(Self.confirmField) == "1" else {
                return .redirect(to: SiteRoute.closeCampaign(campaign: id).path)
            }
            return try await changeState(request, user: user, to: .closed)
        }
        FormAdminRoutes(environment: environment).install(on: &routes)
        FormBuilderRoutes(environment: environment).install(on: &routes)
        KioskRoutes(environment: environment).install(on: &routes)
    }

    func page(
        _ request: Request, user: AuthenticatedUser, title: String, body: HTML,
        status: HTTPStatus = .ok
    ) -> Response {
        AdminPage.response(request, user: user, title: title, banner: environment.banner, body: body, status: status)
    }

    func list(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let today = environment.clock.today
        let (campaigns, counts) = try await environment.database.read { connection in
            (
                try CampaignAccess.listed(connection, user: user, today: today, includingDrafts: true),
                try CampaignStore(connection).unitCounts()
            )
        }
        let qrLink =
            switch user.role {
            case .province: SiteRoute.qrSheet.path
            case .district: SiteRoute.qrSheet.href([("district", user.unitCode)])
            case .commune: SiteRoute.qrPoster(unit: user.unitCode).path
            }
        let csrf = AdminLayout.csrfField(request.csrfToken)
        let rows = campaigns.map { campaign -> HTML in
            let schedule = campaign.schedule
            var state: HTML = "<span class=\"tag\">\(schedule.state.label)</span>"
            if schedule.state == .open, schedule.phase(on: today) != .open {
                state +=
                    schedule.phase(on: today) == .notYetOpen
                    ? " <span class=\"note\">chưa đến ngày</span>"
                    : " <span class=\"note\">đã hết hạn</span>"
            }
            if let planned = campaign.plannedEndsOn {
                state += " <span class=\"note\">đóng sớm, dự kiến đến \(planned.vietnamese)</span>"
            }
            var actions: [HTML] = [
                "<a href=\"\(SiteRoute.dashboard(campaign: campaign.id).path)\">Bảng theo dõi</a>",
                "<a href=\"\(qrLink)\">Mã QR</a>",
            ]
            if CampaignAccess.mayManage(campaign, user: user) {
                if schedule.state == .draft {
                    actions.append("<a href=\"\(SiteRoute.editCampaign(campaign: campaign.id).path)\">Sửa</a>")
                }
                if schedule.state != .open {
                    actions.append(
                        "<form method=\"post\" action=\"\(SiteRoute.openCampaign(campaign: campaign.id).path)\">\(csrf)<button type=\"submit\" class=\"button\">Mở đợt</button></form>"
                    )
                } else {
                    actions.append(
                        "<a class=\"button\" href=\"\(SiteRoute.closeCampaign(campaign: campaign.id).path)\">Đóng đợt…</a>"
                    )
                }
            }
            return """
                <tr><td data-label="Đợt khảo sát"><strong>\(campaign.title)</strong></td><td data-label="Mẫu phiếu">\(campaign.formCode)</td><td data-label="Đơn vị chủ trì">\(campaign.ownerUnitCode ?? "Tỉnh")</td><td data-label="Thời gian">\(schedule.startsOn.vietnamese) – \(schedule.endsOn.vietnamese)</td><td data-label="Trạng thái">\(state)</td><td data-label="Số đơn vị">\(Format.count(counts[campaign.id] ?? 0))</td><td class="actions">\(actions, separator: " · ")</td></tr>
                """
        }
        let notice: HTML =
            try request.query("done").flatMap { Self.notices[$0] }
            .map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        var tools: [HTML] = [
            "<a class=\"button primary\" href=\"\(SiteRoute.newCampaign.path)\">Tạo đợt khảo sát mới</a>"
        ]
        tools.append("<a class=\"button\" href=\"\(SiteRoute.forms.path)\">Mẫu phiếu và phiên bản</a>")
        if user.role != .province {
            tools.append(KioskRoutes.button(csrf: request.csrfToken))
        }
        let table: HTML =
            campaigns.isEmpty
            ? "<p>Chưa có đợt khảo sát nào trong phạm vi quản lý.</p>"
            : """
            <table class="cards">
            <thead><tr><th>Đợt khảo sát</th><th>Mẫu phiếu</th><th>Chủ trì</th><th>Thời gian</th><th>Trạng thái</th><th>Số đơn vị</th><th>Thao tác</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        let body: HTML = """
            <h1>Đợt khảo sát</h1>
            \(notice)
            <div class="filters">\(tools)</div>
            \(table)
            """
        return page(request, user: user, title: "Đợt khảo sát", body: body)
    }

    /// The id in the path; anything that is not a positive number names no campaign.
    static func campaignID(_ request: Request) throws -> Int64 {
        guard let id = Int64(try request.parameters.require("campaign")), id > 0 else {
            throw HTTPError(.notFound, message: "Không tìm thấy đợt khảo sát này.")
        }
        return id
    }

    /// The field the close confirmation sends; a POST without it is sent to the confirmation page.
    static let confirmField = "confirm"

    /// `GET /admin/campaigns/{id}/close`: what closing means, the campaign's figures so far, and the two choices.
    func confirmClose(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let id = try Self.campaignID(request)
        let campaign = try await environment.database.read { connection in
            try CampaignAccess.manage(connection, user: user, campaignID: id)
        }
        guard campaign.schedule.state == .open else {
            throw HTTPError(
                .conflict,
                message:
                    "Đợt khảo sát “\(campaign.title)” đang ở trạng thái “\(campaign.schedule.state.label)”, không cần đóng."
            )
        }
        let answers = try await environment.database.read { try ResponseStore($0).count(campaignID: id) }
        let today = environment.clock.today
        // Closing ahead of the last day ends the campaign today (CampaignStore.close): say so before it happens.
        let early: HTML =
            campaign.schedule.endsOn > today
            ? "<p>Đợt kết thúc sớm: ngày cuối của đợt đổi từ \(campaign.schedule.endsOn.vietnamese) thành hôm nay \(max(today, campaign.schedule.startsOn).vietnamese); báo cáo ngày của các ngày sau đó không được tính cho đợt này. Nếu mở lại, đợt lấy lại ngày cuối dự kiến.</p>"
            : .empty
        let body: HTML = """
            <h1>Đóng đợt khảo sát?</h1>
            <p class="lead"><strong>\(campaign.title)</strong> (\(campaign.formCode), từ \(campaign.schedule.startsOn.vietnamese) đến \(campaign.schedule.endsOn.vietnamese)) đã nhận \(answers) phiếu.</p>
            <p>Khi đóng đợt, người dân không gửi được phiếu nữa (mã QR báo đợt đã kết thúc) và các xã, phường không nộp được báo cáo ngày của đợt này. Số liệu đã có được giữ nguyên. Có thể mở lại đợt sau nếu cần.</p>
            \(early)
            <form method="post" action="\(SiteRoute.closeCampaign(campaign: id).path)">
            \(AdminLayout.csrfField(request.csrfToken))<input type="hidden" name="\(Self.confirmField)" value="1">
            <p><button type="submit" class="button primary">Đóng đợt khảo sát</button>
            <a class="button" href="\(SiteRoute.campaigns.path)">Không, quay lại</a></p>
            </form>
            """
        return page(request, user: user, title: "Đóng đợt khảo sát?", body: body)
    }

    func changeState(_ request: Request, user: AuthenticatedUser, to state: CampaignState) async throws -> Response {
        let id = try Self.campaignID(request)
        let now = environment.clock.nowSeconds
        let today = environment.clock.today
        try await environment.database.write { connection in
            let store = CampaignStore(connection)
            let campaign = try CampaignAccess.manage(connection, user: user, campaignID: id)
            let current = campaign.schedule.state
            switch (current, state) {
            case (.draft, .open), (.closed, .open), (.open, .closed): break
            default:
                throw HTTPError(
                    .conflict,
                    message:
                        "Đợt khảo sát đang ở trạng thái “\(current.label)”, không thể chuyển sang “\(state.label)”.")
            }
            if state == .open {
                try store.open(campaignID: id)
            } else {
                try store.close(campaignID: id, today: today)
            }
            try AuditLog(connection).record(
                user, action: state == .open ? .campaignOpen : .campaignClose,
                detail: "Đợt số \(id) “\(campaign.title)”: \(current.label) → \(state.label)", at: now)
        }
        return .redirect(to: SiteRoute.campaigns.href([("done", state == .open ? "opened" : "closed")]))
    }
}
