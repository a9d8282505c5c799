import Database
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Campaign administration through the real router and a real SQLite file: who sees and does what, CSRF, the
/// create → edit → open → close flow with its audit trail, and kiosk links.
@Suite struct CampaignAdminTests {
    /// A campaign over one commune of Huyện Yên Thế (215), created straight through the store.
    static func yenTheCampaign(_ app: TestApp) async throws -> Int64 {
        let today = app.clock.today
        let now = app.clock.nowSeconds
        return try await app.pool.write { connection in
            var campaign = NewCampaign(
                formCode: "PKS03", title: "Đợt riêng Đồng Tiến", startsOn: today,
                endsOn: today.adding(days: 10))
            campaign.scope = .units(["07243"])
            campaign.state = .draft
            return try CampaignStore(connection).create(campaign, today: today, now: now)
        }
    }

    @Test func scopeMatrix() async throws {
        let app = try await TestApp()
        let browsers = try await app.signInAll()
        let campaignID = try await Self.yenTheCampaign(app)
        // A draft is the province's work in progress: nobody else sees it, even where it covers their units.
        for (username, browser) in browsers {
            let list = await app.get(SiteRoute.campaigns.path, as: browser)
            #expect(list.status == .ok, "\(username)")
            #expect(list.text.contains("Đợt riêng Đồng Tiến") == (username == "tinh24"), "\(username)")
            #expect(list.text.contains(DemoSeeder.campaignTitle), "the demo campaign covers every commune")
            let province = username == "tinh24"
            let provinceOnly: HTTPStatus = province ? .ok : .forbidden
            // Every role creates campaigns of its own (CampaignOwnershipTests); another's draft does not exist for it.
            #expect(await app.get(SiteRoute.newCampaign.path, as: browser).status == .ok, "\(username)")
            #expect(await app.get(SiteRoute.forms.path, as: browser).status == .ok, "\(username): FormBuilderTests")
            let provinceDraft: HTTPStatus = province ? .ok : .notFound
            #expect(
                await app.get(SiteRoute.editCampaign(campaign: campaignID).path, as: browser).status == provinceDraft,
                "\(username)")
            #expect(await app.get(SiteRoute.newFormVersion(form: "PKS02").path, as: browser).status == provinceOnly)
            let deskStaff: HTTPStatus = province ? .forbidden : .ok
            #expect(await app.get(SiteRoute.kiosk.path, as: browser).status == deskStaff, "\(username)")
            if !province {
                let open = await app.post(
                    SiteRoute.openCampaign(campaign: campaignID).path, form: [], as: browser, csrf: browser.csrf)
                #expect(open.status == .notFound, "\(username) may not open the province's draft")
            }
        }
        let province = try #require(browsers["tinh24"])
        let opened = await app.post(
            SiteRoute.openCampaign(campaign: campaignID).path, form: [], as: province,
            csrf: province.csrf)
        #expect(opened.status == .seeOther)
        let seesYenThe: Set<String> = ["tinh24", "huyen215", "xa07243"]
        for (username, browser) in browsers {
            let list = await app.get(SiteRoute.campaigns.path, as: browser)
            #expect(list.text.contains("Đợt riêng Đồng Tiến") == seesYenThe.contains(username), "\(username)")
        }
        let district = try #require(browsers["huyen215"])
        let list = await app.get(SiteRoute.campaigns.path, as: district)
        #expect(list.text.contains("href=\"/qr/sheet?district=215\""))
        #expect(list.text.contains("href=\"\(SiteRoute.dashboard(campaign: campaignID).path)\""))
        #expect(list.text.contains("action=\"\(SiteRoute.kiosk.path)\""))
        #expect(await app.get(SiteRoute.editCampaign(campaign: 999_999).path, as: province).status == .notFound)
        #expect(await app.get("/admin/campaigns/abc/edit", as: province).status == .notFound)
        #expect(await app.get(SiteRoute.newFormVersion(form: "PKS99").path, as: province).status == .notFound)
        #expect(await app.get(SiteRoute.campaigns.path).status == .seeOther, "nobody signed in: to the login page")
    }

    @Test func createEditOpenCloseWithAuditTrail() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let province = try await app.signIn("tinh24")
        let form = await app.get(SiteRoute.newCampaign.path, as: province)
        #expect(form.hiddenField("csrf") == province.csrf)

        let bad = await app.post(
            SiteRoute.newCampaign.path,
            form: [
                ("form", "PKS03"), ("title", "Đợt quý III <Yên Thế>"), ("starts_on", "2024-07-31"),
                ("ends_on", "2024-07-01"),
                ("scope", "districts"), ("tolerance", "1,5"), ("busy_floor", "-1"), ("window_start", "17:00"),
                ("window_end", "16:30"),
            ], as: province, csrf: province.csrf)
        #expect(bad.status == .unprocessableContent)
        for message in [
            "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.", "Vui lòng chọn ít nhất một huyện.",
            "Dung sai phải là số từ 0 đến 1", "Mức sàn phải là số nguyên", "Giờ đóng báo cáo phải sau giờ mở báo cáo.",
        ] {
            #expect(bad.text.contains(message), "\(message)")
        }
        #expect(bad.text.contains("value=\"Đợt quý III &lt;Yên Thế&gt;\""), "values are kept, escaped")
        #expect(bad.text.contains("value=\"2024-07-31\""))
        let unknownUnit = await app.post(
            SiteRoute.newCampaign.path,
            form: [
                ("form", "PKS03"), ("title", "Đợt thử"), ("starts_on", "2024-07-01"), ("ends_on", "2024-07-31"),
                ("scope", "units"), ("units", "07201, 99999"), ("tolerance", "0,5"), ("busy_floor", "20"),
                ("window_start", "16:30"), ("window_end", "17:00"),
            ], as: province, csrf: province.csrf)
        #expect(unknownUnit.status == .unprocessableContent)
        #expect(unknownUnit.text.contains("Đơn vị mã 99999"))
        #expect(try await app.scalar("SELECT count(*) FROM campaigns") == 1, "only the demo campaign")

        let valid: [(String, String)] = [
            ("form", "PKS03"), ("title", "Đợt quý III Yên Thế"), ("starts_on", "2024-07-01"), ("ends_on", "2024-07-31"),
            ("scope", "districts"), ("district", "215"), ("tolerance", "0,3"), ("busy_floor", "15"),
            ("window_start", "16:00"), ("window_end", "17:30"),
        ]
        let created = await app.post(SiteRoute.newCampaign.path, form: valid, as: province, csrf: province.csrf)
        #expect(created.status == .seeOther)
        #expect(created.location == SiteRoute.campaigns.path + "?done=created")
        let id = try #require(
            try await app.pool.read {
                try $0.scalar("SELECT id FROM campaigns WHERE title = ?", ["Đợt quý III Yên Thế"], as: Int64.self)
            })
        let record = try #require(try await app.pool.read { try CampaignStore($0).campaign(id: id) })
        #expect(record.schedule.state == .draft)
        #expect(record.quota == QuotaRule(tolerance: 0.3, busyFloor: 15))
        #expect(record.window.text == "16:00–17:30")
        #expect(
            try await app.scalar("SELECT count(*) FROM campaign_units WHERE campaign_id = ?", [id]) == 19,
            "the 19 communes of Yên Thế")

        let edit = await app.get(SiteRoute.editCampaign(campaign: id).path, as: province)
        #expect(edit.status == .ok)
        #expect(edit.text.contains("value=\"0,3\""))
        #expect(edit.text.contains("value=\"16:00\""))
        var changed = valid.filter { $0.0 != "scope" && $0.0 != "title" }
        changed += [("title", "Đợt quý III hai xã"), ("scope", "units"), ("units", "07201\n07243")]
        let updated = await app.post(
            SiteRoute.editCampaign(campaign: id).path, form: changed, as: province, csrf: province.csrf)
        #expect(updated.status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM campaign_units WHERE campaign_id = ?", [id]) == 2)

        let withoutCSRF = await app.post(SiteRoute.openCampaign(campaign: id).path, form: [], as: province)
        #expect(withoutCSRF.status == .forbidden)
        #expect(try await app.pool.read { try CampaignStore($0).campaign(id: id)?.schedule.state } == .draft)

        #expect(
            await app.post(SiteRoute.openCampaign(campaign: id).path, form: [], as: province, csrf: province.csrf)
                .status == .seeOther)
        #expect(try await app.pool.read { try CampaignStore($0).campaign(id: id)?.schedule.state } == .open)
        #expect(
            await app.get(SiteRoute.editCampaign(campaign: id).path, as: province).status == .conflict,
            "an open campaign is frozen")
        let lateEdit = await app.post(
            SiteRoute.editCampaign(campaign: id).path, form: changed, as: province, csrf: province.csrf)
        #expect(lateEdit.status == .conflict)
        #expect(
            await app.post(SiteRoute.openCampaign(campaign: id).path, form: [], as: province, csrf: province.csrf)
                .status == .conflict)
        let unconfirmed = await app.post(
            SiteRoute.closeCampaign(campaign: id).path, form: [], as: province, csrf: province.csrf)
        #expect(unconfirmed.status == .seeOther)
        #expect(unconfirmed.location == SiteRoute.closeCampaign(campaign: id).path, "to the confirmation page")
        #expect(try await app.pool.read { try CampaignStore($0).campaign(id: id)?.schedule.state } == .open)
        #expect(
            await app.post(
                SiteRoute.closeCampaign(campaign: id).path, form: [("confirm", "1")], as: province,
                csrf: province.csrf
            ).status == .seeOther)
        #expect(try await app.pool.read { try CampaignStore($0).campaign(id: id)?.schedule.state } == .closed)
        let list = await app.get(SiteRoute.campaigns.path + "?done=closed", as: province)
        #expect(list.text.contains("Đã đóng đợt khảo sát."))
        #expect(list.text.contains("Đợt quý III hai xã"))

        #expect(
            try await app.auditActions().filter { $0.hasPrefix("campaign_") } == [
                CampaignAdminAudit.create, CampaignAdminAudit.update, CampaignAdminAudit.open, CampaignAdminAudit.close,
            ])
    }

    @Test func kioskLinkForTheUsersOwnDesk() async throws {
        let app = try await TestApp()
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        let browser = try await app.signIn("xa07201")
        let tooLong = await app.post(SiteRoute.kiosk.path, form: [("hours", "30")], as: browser, csrf: browser.csrf)
        #expect(tooLong.status == .unprocessableContent)
        #expect(tooLong.text.contains("từ 1 đến 24"))
        #expect(
            await app.post(SiteRoute.kiosk.path, form: [("hours", "5")], as: browser).status == .forbidden,
            "no CSRF field")

        let post = await app.post(SiteRoute.kiosk.path, form: [("hours", "5")], as: browser, csrf: browser.csrf)
        #expect(post.status == .seeOther, "the link page can be reloaded without issuing another link")
        let issued = await app.get(try #require(post.location), as: browser)
        #expect(issued.status == .ok)
        #expect(issued.headers["Cache-Control"] == "no-store")
        #expect(issued.text.contains("<svg"))
        let prefix = TestApp.publicURL + "/k/"
        let start = try #require(issued.text.range(of: "href=\"" + prefix))
        let token = String(issued.text[start.upperBound...].prefix { $0 != "\"" })
        let decoded = try #require(KioskToken.decode(token, key: app.secret))
        #expect(decoded.unitCode == "07201")
        #expect(decoded.expiresAt == app.clock.nowSeconds + 5 * 3600)
        #expect(await app.get("/k/" + token).status == .seeOther, "the link turns the tablet into a kiosk")
        #expect(try await app.auditActions().filter { $0 == CampaignAdminAudit.kioskLink }.count == 1)
        let detail = try await app.pool.read {
            try $0.scalar(
                "SELECT detail FROM audit_log WHERE action = ?", [CampaignAdminAudit.kioskLink], as: String.self)
        }
        #expect(detail?.contains(token) == false, "the log never holds the link itself")

        // Reloading shows the same link and issues (and audits) nothing new.
        let location = try #require(post.location)
        app.clock.advance(by: 60)
        let reloaded = await app.get(location, as: browser)
        #expect(reloaded.status == .ok)
        #expect(reloaded.text.contains(token))
        #expect(try await app.auditActions().filter { $0 == CampaignAdminAudit.kioskLink }.count == 1)
        // Only to the account that issued it; a tampered note names nothing.
        try await app.addUser("xa07201b", role: .commune, unit: "07201")
        let colleague = try await app.signIn("xa07201b")
        #expect(await app.get(location, as: colleague).status == .notFound)
        #expect(await app.get(location + "x", as: browser).status == .notFound)
        // After it expires, the page says so and offers a new one.
        let userID = try await app.userID("xa07201")
        let past = KioskLinks.Issued(userID: userID, unitCode: "07201", hours: 1, expiresAt: app.clock.nowSeconds)
        let expired = await app.get(
            SiteRoute.kiosk.href([(KioskRoutes.issuedParameter, past.encode(key: app.secret))]), as: browser)
        #expect(expired.status == .gone)
        #expect(!expired.text.contains(token))
        #expect(expired.document.form(action: SiteRoute.kiosk.path) != nil)
    }

    @Test func closingACampaignAsksForConfirmationFirst() async throws {
        let app = try await TestApp()
        try await app.addUser("tinh24", role: .province, unit: "24")
        let province = try await app.signIn("tinh24")
        let id = app.demoCampaignID
        let list = await app.get(SiteRoute.campaigns.path, as: province)
        let closePath = SiteRoute.closeCampaign(campaign: id).path
        #expect(list.document.links.contains { $0.href == closePath }, "a link to the confirmation, not a button")
        #expect(list.document.form(action: closePath) == nil, "no one-click close on the list")

        let confirm = await app.get(closePath, as: province)
        #expect(confirm.status == .ok)
        #expect(confirm.document.headings(1) == ["Đóng đợt khảo sát?"])
        let form = try #require(confirm.document.form(action: closePath))
        #expect(form.method == "post")
        #expect(form.field("confirm")?.value == "1")
        #expect(confirm.document.links.contains { $0.href == SiteRoute.campaigns.path }, "a way back without closing")
        #expect(try await app.pool.read { try CampaignStore($0).campaign(id: id)?.schedule.state } == .open)
        let planned = try #require(try await app.pool.read { try CampaignStore($0).campaign(id: id) }).schedule.endsOn
        let today = app.clock.today
        #expect(planned > today, "the demo campaign runs past today, so closing it now ends it early")
        #expect(confirm.text.contains("thành hôm nay \(today.vietnamese)"), "the page says the campaign ends today")

        let closed = await app.post(closePath, form: [("confirm", "1")], as: province, csrf: province.csrf)
        #expect(closed.status == .seeOther)
        #expect(closed.location == SiteRoute.campaigns.href([("done", "closed")]))
        #expect(try await app.pool.read { try CampaignStore($0).campaign(id: id)?.schedule.state } == .closed)
        let listed = await app.get(SiteRoute.campaigns.path, as: province)
        #expect(listed.text.contains("đóng sớm, dự kiến đến \(planned.vietnamese)"))
        let again = await app.get(closePath, as: province)
        #expect(again.status == .conflict, "a closed campaign has nothing to confirm")
        #expect(
            await app.post(closePath, form: [("confirm", "1")], as: province, csrf: province.csrf).status == .conflict,
            "sending the confirmation again closes nothing twice")
        #expect(try await app.auditActions().filter { $0 == CampaignAdminAudit.close }.count == 1)
        await app.close()
    }
}
