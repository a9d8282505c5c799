import Database
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Campaigns owned by any unit (issue 14): a district runs campaigns for its communes, a commune for itself; coverage
/// outside the owner's scope is refused; the owner and the province change a campaign (`CampaignAccess.manage`),
/// nobody else; the permanent QR page lists every open campaign covering the unit, whoever runs it.
@Suite struct CampaignOwnershipTests {
    static func create(
        _ app: TestApp, owner: String?, scope: CampaignScope, form: String = "PKS03", state: CampaignState = .open
    ) async throws -> Int64 {
        let today = app.clock.today
        return try await app.pool.write { connection in
            var campaign = NewCampaign(
                formCode: form, title: "Đợt của \(owner ?? "tỉnh")", startsOn: today, endsOn: today.adding(days: 9))
            campaign.owner = owner
            campaign.scope = scope
            campaign.state = state
            return try CampaignStore(connection).create(campaign, today: today, now: 0)
        }
    }

    static func coverage(_ app: TestApp, _ id: Int64) async throws -> [String] {
        try await app.pool.read { try CampaignStore($0).unitCodes(campaignID: id) }
    }

    /// The codes of district 213's communes, and 213 itself, in the unit set in force.
    static func district213(_ app: TestApp) async throws -> (communes: Set<String>, desk: String) {
        let today = app.clock.today
        return try await app.pool.read { connection in
            let units = UnitStore(connection)
            let setID = try #require(try units.unitSetID(inForceOn: today))
            let district = try #require(try units.unit(code: "213", inSet: setID))
            return (Set(try units.communes(inSet: setID, district: district.id).map(\.code)), district.code)
        }
    }

    @Test func aDistrictCampaignCoversOnlyItsCommunesAndACommuneCampaignItself() async throws {
        let app = try await TestApp()
        let district = try await Self.district213(app)
        #expect(district.communes.contains("07201") && !district.communes.contains("07243"))

        // Without --district/--unit: the owner's scope. PKS03 runs at communes, PKS05 also at the district desk.
        let communes = try await Self.create(app, owner: "213", scope: .all)
        #expect(Set(try await Self.coverage(app, communes)) == district.communes)
        let withDesk = try await Self.create(app, owner: "213", scope: .all, form: "PKS05")
        #expect(Set(try await Self.coverage(app, withDesk)) == district.communes.union(["213"]))
        let listed = try await Self.create(app, owner: "213", scope: .units(["07201"]))
        #expect(try await Self.coverage(app, listed) == ["07201"])
        let own = try await Self.create(app, owner: "07201", scope: .all)
        #expect(try await Self.coverage(app, own) == ["07201"])
        let stored = try await app.pool.read { try CampaignStore($0).campaign(id: own) }
        #expect(stored?.ownerUnitCode == "07201")
        let province = try await Self.create(app, owner: nil, scope: .units(["07243"]))
        #expect(try await app.pool.read { try CampaignStore($0).campaign(id: province) }?.ownerUnitCode == nil)
        let provinceCode = try await Self.create(app, owner: "24", scope: .units(["07243"]))
        #expect(
            try await app.pool.read { try CampaignStore($0).campaign(id: provinceCode) }?.ownerUnitCode == nil,
            "the province's own code is the province: no owner")

        // Outside the owner's scope: refused, and nothing is stored.
        let before = try await app.pool.read { try CampaignStore($0).all().count }
        let refusals: [(String, CampaignScope, String)] = [
            ("213", .units(["07243"]), "07243"),
            ("213", .districts(["215"]), "07243"),
            ("07201", .units(["07201", "07243"]), "07243"),
            ("07201", .districts(["213"]), "0720"),
        ]
        for (owner, scope, named) in refusals {
            await #expect {
                _ = try await Self.create(app, owner: owner, scope: scope)
            } throws: { error in
                let message = (error as? CampaignStoreError)?.description ?? ""
                return message.contains("nằm ngoài phạm vi") && message.contains(named)
            }
        }
        await #expect(throws: CampaignStoreError.self) {
            _ = try await Self.create(app, owner: "99999", scope: .all)
        }
        #expect(try await app.pool.read { try CampaignStore($0).all().count } == before)
        await app.close()
    }

    @Test func aUnitRunsCampaignsOnStandardFormsAndItsOwnOnly() async throws {
        let app = try await TestApp()
        try await app.pool.write { connection in
            try connection.run(
                """
                INSERT INTO forms (id, code, title, respondent_kind, organisation, unit_levels, owner_unit_code)
                SELECT id + 1000, 'XA07243', 'Mẫu riêng của xã khác', respondent_kind, organisation, unit_levels,
                       '07243'
                FROM forms WHERE code = 'PKS03'
                """)
            try connection.run(
                """
                INSERT INTO form_versions (id, form_id, version, intro, created_at)
                SELECT max(id) + 1, (SELECT id FROM forms WHERE code = 'XA07243'), 1, '', 0 FROM form_versions
                """)
        }
        await #expect {
            _ = try await Self.create(app, owner: "07201", scope: .all, form: "XA07243")
        } throws: { error in
            (error as? CampaignStoreError)?.description.contains("mẫu riêng của đơn vị 07243") == true
        }
        let owners = try await app.pool.read { try FormStore($0).owners() }
        #expect(owners == ["XA07243": "07243"])
        #expect(!FormStore.isUsable(formOwner: owners["XA07243"], by: "07201"))
        #expect(FormStore.isUsable(formOwner: owners["XA07243"], by: "07243"))
        #expect(FormStore.isUsable(formOwner: owners["XA07243"], by: nil), "the province uses any form")
        #expect(FormStore.isUsable(formOwner: owners["PKS03"], by: "07201"), "a standard form")
        try await app.addUser("xa07201", role: .commune, unit: "07201")
        let commune = try await app.signIn("xa07201")
        let page = await app.get(SiteRoute.newCampaign.path, as: commune)
        #expect(page.text.contains("value=\"PKS03\""))
        #expect(!page.text.contains("value=\"XA07243\""), "another unit's form is not offered")
        await app.close()
    }

    @Test func theOwnerAndTheProvinceManageACampaignNobodyElse() async throws {
        let app = try await TestApp()
        let browsers = try await app.signInAll()
        let district = try #require(browsers["huyen213"])
        let otherDistrict = try #require(browsers["huyen215"])
        let commune = try #require(browsers["xa07201"])
        let province = try #require(browsers["tinh24"])

        // The district creates a draft on the web: it owns it, and it covers its own communes only.
        let page = await app.get(SiteRoute.newCampaign.path, as: district)
        #expect(page.status == .ok)
        #expect(page.text.contains("Đơn vị chủ trì"))
        #expect(!page.text.contains("name=\"district\" value=\"215\""), "a district picks no other district")
        let form = [
            ("form", "PKS03"), ("title", "Đợt huyện 213 tự tổ chức"), ("starts_on", app.clock.today.iso),
            ("ends_on", app.clock.today.adding(days: 20).iso), ("scope", "all"), ("tolerance", "0,5"),
            ("busy_floor", "20"), ("window_start", "16:30"), ("window_end", "17:00"),
        ]
        let created = await app.post(SiteRoute.newCampaign.path, form: form, as: district, csrf: district.csrf)
        #expect(created.status == .seeOther)
        let campaign = try #require(
            try await app.pool.read { try CampaignStore($0).all() }.first { $0.title == "Đợt huyện 213 tự tổ chức" })
        #expect(campaign.ownerUnitCode == "213")
        #expect(campaign.schedule.state == .draft)
        #expect(Set(try await Self.coverage(app, campaign.id)) == (try await Self.district213(app)).communes)

        // Its draft exists for the district and the province only.
        let edit = SiteRoute.editCampaign(campaign: campaign.id).path
        #expect(await app.get(edit, as: district).status == .ok)
        #expect(await app.get(edit, as: province).status == .ok)
        #expect(await app.get(edit, as: commune).status == .notFound)
        #expect(await app.get(edit, as: otherDistrict).status == .notFound)
        #expect(await app.get(SiteRoute.campaigns.path, as: district).text.contains("Đợt huyện 213 tự tổ chức"))
        #expect(!(await app.get(SiteRoute.campaigns.path, as: commune).text.contains("Đợt huyện 213 tự tổ chức")))

        // A district asking for another district's commune in its draft: 422, the draft unchanged.
        var outside = form
        outside[4] = ("scope", "units")
        outside.append(("units", "07243"))
        let refused = await app.post(edit, form: outside, as: district, csrf: district.csrf)
        #expect(refused.status == .unprocessableContent)
        #expect(refused.text.contains("nằm ngoài phạm vi"))
        #expect(!(try await Self.coverage(app, campaign.id)).contains("07243"))

        // The commune it covers cannot open it; the district can; then the commune sees it but cannot close it.
        let open = SiteRoute.openCampaign(campaign: campaign.id).path
        #expect(await app.post(open, form: [], as: commune, csrf: commune.csrf).status == .notFound)
        #expect(await app.post(open, form: [], as: district, csrf: district.csrf).status == .seeOther)
        let close = SiteRoute.closeCampaign(campaign: campaign.id).path
        #expect(await app.get(close, as: commune).status == .forbidden)
        #expect(
            await app.post(close, form: [("confirm", "1")], as: commune, csrf: commune.csrf).status == .forbidden)
        #expect(
            await app.post(close, form: [("confirm", "1")], as: otherDistrict, csrf: otherDistrict.csrf).status
                == .forbidden)
        let list = await app.get(SiteRoute.campaigns.path, as: commune)
        #expect(list.text.contains("Đợt huyện 213 tự tổ chức"))
        #expect(!list.text.contains("href=\"\(close)\""), "no close button for a campaign the commune does not run")
        #expect(await app.get(close, as: district).status == .ok)
        #expect(await app.post(close, form: [("confirm", "1")], as: province, csrf: province.csrf).status == .seeOther)
        #expect(try await app.pool.read { try CampaignStore($0).campaign(id: campaign.id) }?.schedule.state == .closed)
        await app.close()
    }

    @Test func aCommuneCreatesACampaignForItselfOnTheWeb() async throws {
        let app = try await TestApp()
        let browsers = try await app.signInAll()
        let commune = try #require(browsers["xa07201"])
        let page = await app.get(SiteRoute.newCampaign.path, as: commune)
        #expect(page.status == .ok)
        #expect(!page.text.contains("name=\"units\""), "a commune's campaign covers itself: no scope to choose")
        let form = [
            ("form", "PKS03"), ("title", "Đợt xã 07201 tự tổ chức"), ("starts_on", app.clock.today.iso),
            ("ends_on", app.clock.today.adding(days: 20).iso), ("scope", "districts"), ("district", "213"),
            ("tolerance", "0,5"), ("busy_floor", "20"), ("window_start", "16:30"), ("window_end", "17:00"),
        ]
        // A hand-made POST asking for the whole district is refused.
        let refused = await app.post(SiteRoute.newCampaign.path, form: form, as: commune, csrf: commune.csrf)
        #expect(refused.status == .unprocessableContent)
        var own = form
        own[4] = ("scope", "all")
        let created = await app.post(SiteRoute.newCampaign.path, form: own, as: commune, csrf: commune.csrf)
        #expect(created.status == .seeOther)
        let campaign = try #require(
            try await app.pool.read { try CampaignStore($0).all() }.first { $0.title == "Đợt xã 07201 tự tổ chức" })
        #expect(campaign.ownerUnitCode == "07201")
        #expect(try await Self.coverage(app, campaign.id) == ["07201"])
        await app.close()
    }

    @Test func thePermanentQRPageListsEveryOpenCampaignCoveringTheUnitWhoeverRunsIt() async throws {
        let app = try await TestApp()
        let byDistrict = try await Self.create(app, owner: "213", scope: .units(["07201"]))
        let byCommune = try await Self.create(app, owner: "07201", scope: .all, form: "PKS06")
        let draft = try await Self.create(app, owner: "07201", scope: .all, form: "PKS04", state: .draft)
        let elsewhere = try await Self.create(app, owner: "215", scope: .units(["07243"]), form: "PKS07")
        let landing = await app.get(SiteRoute.landing(unit: "07201").path)
        #expect(landing.status == .ok)
        #expect(landing.text.contains("href=\"\(SiteRoute.answer(campaign: byDistrict, unit: "07201").path)\""))
        #expect(landing.text.contains("href=\"\(SiteRoute.answer(campaign: byCommune, unit: "07201").path)\""))
        #expect(!landing.text.contains(SiteRoute.answer(campaign: draft, unit: "07201").path), "a draft is not open")
        #expect(!landing.text.contains(SiteRoute.answer(campaign: elsewhere, unit: "07201").path))
        let other = await app.get(SiteRoute.landing(unit: "07243").path)
        #expect(other.text.contains(SiteRoute.answer(campaign: elsewhere, unit: "07243").path))
        await app.close()
    }
}
