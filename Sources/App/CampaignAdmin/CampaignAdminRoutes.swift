import HTML
import HTTP
import Survey
import Web

/// `/admin/campaigns`: every role sees the campaigns covering units of its scope (the province all of them),
/// with links to each dashboard and to the QR codes; the province creates, edits (while draft), opens and closes
/// campaigns. Also installs the form pages (`FormAdminRoutes`) and the kiosk link (`KioskRoutes`).
struct CampaignAdminRoutes: Sendable {
    let environment: AppEnvironment

    static let notices: [String: String] = [
        "created": "Đã tạo đợt khảo sát ở trạng thái bản nháp. Kiểm tra lại rồi bấm “Mở đợt” để người dân trả lời được.",
        "updated": "Đã lưu bản nháp.",
        "opened": "Đã mở đợt khảo sát.",
        "closed": "Đã đóng đợt khảo sát.",
    ]

    func install(on router: inout Router) {
        router.get(CampaignAdminPaths.list) { request in try await list(request) }
        router.get(CampaignAdminPaths.new) { request in try await newForm(request) }
        router.post(CampaignAdminPaths.new) { request in try await create(request) }
        router.get("/admin/campaigns/:campaign/edit") { request in try await editForm(request) }
        router.post("/admin/campaigns/:campaign/edit") { request in try await update(request) }
        router.post("/admin/campaigns/:campaign/open") { request in try await changeState(request, to: .open) }
        router.post("/admin/campaigns/:campaign/close") { request in try await changeState(request, to: .closed) }
        FormAdminRoutes(environment: environment).install(on: &router)
        KioskRoutes(environment: environment).install(on: &router)
    }

    func page(_ request: Request, user: AuthenticatedUser, title: String, body: HTML,
              status: HTTPStatus = .ok) -> Response {
        AdminPage.response(AdminLayout.page(title: title, user: user, csrf: request.csrfToken,
                                            banner: environment.banner, body: body), status: status)
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let (campaigns, counts) = try await environment.database.read { connection in
            let store = CampaignStore(connection)
            let campaigns = user.role == .province
                ? try store.all()
                : try store.campaigns(coveringAnyOf: try UnitScope(user: user, connection: connection).unitIDs)
            return (campaigns, try store.unitCounts())
        }
        let today = environment.clock.today
        let qrLink = switch user.role {
        case .province: "/qr/sheet"
        case .district: "/qr/sheet?district=" + PercentEncoding.encode(user.unitCode)
        case .commune: "/qr/" + PercentEncoding.encode(user.unitCode) + "/poster"
        }
        let csrf = AdminLayout.csrfField(request.csrfToken)
        let rows = campaigns.map { campaign -> HTML in
            let schedule = campaign.schedule
            var state: HTML = "<span class=\"tag\">\(schedule.state.label)</span>"
            if schedule.state == .open, schedule.phase(on: today) != .open {
                state += schedule.phase(on: today) == .notYetOpen ? " <span class=\"note\">chưa đến ngày</span>"
                    : " <span class=\"note\">đã hết hạn</span>"
            }
            var actions: [HTML] = [
                "<a href=\"\(CampaignAdminPaths.dashboard(campaign.id))\">Bảng theo dõi</a>",
                "<a href=\"\(qrLink)\">Mã QR</a>",
            ]
            if user.role == .province {
                if schedule.state == .draft {
                    actions.append("<a href=\"\(CampaignAdminPaths.edit(campaign.id))\">Sửa</a>")
                }
                if schedule.state != .open {
                    actions.append("<form method=\"post\" action=\"\(CampaignAdminPaths.open(campaign.id))\">\(csrf)<button type=\"submit\" class=\"button\">Mở đợt</button></form>")
                } else {
                    actions.append("<form method=\"post\" action=\"\(CampaignAdminPaths.close(campaign.id))\">\(csrf)<button type=\"submit\" class=\"button\">Đóng đợt</button></form>")
                }
            }
            return """
                <tr><td>\(campaign.title)</td><td>\(campaign.formCode)</td><td>\(schedule.startsOn.vietnamese) – \(schedule.endsOn.vietnamese)</td><td>\(state)</td><td>\(counts[campaign.id] ?? 0)</td><td>\(actions, separator: " · ")</td></tr>
                """
        }
        let notice: HTML = try request.query("done").flatMap { Self.notices[$0] }
            .map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? .empty
        var tools: [HTML] = []
        if user.role == .province {
            tools.append("<a class=\"button primary\" href=\"\(CampaignAdminPaths.new)\">Tạo đợt khảo sát mới</a>")
            tools.append("<a class=\"button\" href=\"\(CampaignAdminPaths.forms)\">Mẫu phiếu và phiên bản</a>")
        } else {
            tools.append(KioskRoutes.button(csrf: request.csrfToken))
        }
        let table: HTML = campaigns.isEmpty
            ? "<p>Chưa có đợt khảo sát nào trong phạm vi quản lý.</p>"
            : """
              <div class="scroll"><table>
              <thead><tr><th>Đợt khảo sát</th><th>Mẫu phiếu</th><th>Thời gian</th><th>Trạng thái</th><th>Số đơn vị</th><th></th></tr></thead>
              <tbody>\(rows)</tbody>
              </table></div>
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

    func changeState(_ request: Request, to state: CampaignState) async throws -> Response {
        let user = try request.requireUser(roles: [.province])
        let id = try Self.campaignID(request)
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            let store = CampaignStore(connection)
            guard let campaign = try store.campaign(id: id) else {
                throw HTTPError(.notFound, message: "Không có đợt khảo sát số \(id).")
            }
            let current = campaign.schedule.state
            switch (current, state) {
            case (.draft, .open), (.closed, .open), (.open, .closed): break
            default:
                throw HTTPError(.conflict, message: "Đợt khảo sát đang ở trạng thái “\(current.label)”, không thể chuyển sang “\(state.label)”.")
            }
            try store.setState(state, campaignID: id)
            try AuditLog(connection).record(
                user, action: state == .open ? .campaignOpen : .campaignClose,
                detail: "Đợt số \(id) “\(campaign.title)”: \(current.label) → \(state.label)", at: now)
        }
        return .redirect(to: CampaignAdminPaths.list + "?done=" + (state == .open ? "opened" : "closed"))
    }
}
