import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Every list endpoint of the API read page by page (`APIList`): the pages put back together are the whole list,
/// byte for byte, with 1, 2 and 7 items a page; the last page has no `Link`; the `Link` keeps the request's other
/// parameters; a boundary survives an item added before it.
@Suite struct APIListPagingTests {
    @Test func campaignsPageNewestFirstWithTiesByID() async throws {
        let world = try await APIWorld()
        // Two campaigns starting the same day: the id orders them.
        for (index, start) in ["2024-05-01", "2024-06-03", "2024-06-03", "2024-06-05", "2024-06-01"].enumerated() {
            try await APIWorld.createCampaign(
                world.app, title: "Đợt \(index)", scope: .units(["07201"]), start: LocalDate(iso: start)!,
                end: APIWorld.wednesday)
        }
        let total = try await APIListPaging.checkPaging(world, "/api/v1/campaigns", as: "tinh24")
        #expect(total == 7)
        try await APIListPaging.checkPaging(world, "/api/v1/campaigns", as: "xa07243")
        await world.close()
    }

    @Test func communesPageByCode() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let small = SiteRoute.apiCommunes(campaign: world.campaignID).path
        #expect(try await APIListPaging.checkPaging(world, small, as: "tinh24") == 4)
        #expect(try await APIListPaging.checkPaging(world, small, as: "huyen213") == 3)
        #expect(try await APIListPaging.checkPaging(world, small, as: "xa07201") == 1)
        // The demo campaign's whole province, and a cursor without a limit: pages of 100.
        let demo = SiteRoute.apiCommunes(campaign: world.app.demoCampaignID).path
        let total = try await APIListPaging.checkPaging(world, demo, as: "tinh24", limits: [7, 100, 1000])
        #expect(total > 100)
        let first = await world.get(APIListPaging.adding("limit=3", to: demo), as: "tinh24")
        let next = try #require(try APIListPaging.nextTarget(first))
        let cursor = try #require(APIListPaging.value("cursor", in: next))
        let defaulted = await world.get(demo + "?cursor=" + cursor, as: "tinh24")
        #expect(defaulted.status == .ok)
        #expect(try APIListPaging.count(defaulted) == 100)
        #expect(try APIListPaging.value("limit", in: #require(try APIListPaging.nextTarget(defaulted))) == "100")
        await world.close()
    }

    @Test func flagsPageNewestFirstAndKeepTheUnit() async throws {
        let world = try await APIWorld()
        let campaignID = world.campaignID
        let unit = try await world.unitID("07201")
        try await world.app.pool.write { connection in
            let writer = FlagWriter(connection: connection, campaignID: campaignID)
            // Off hours, so flagged; three share one second, which the id then orders.
            for minute in [0, 1, 1, 1, 2, 3, 4] {
                try writer.answer(unitID: unit, at: ReportFixture.at(APIWorld.wednesday, 5, minute))
            }
        }
        #expect(await world.app.environment.flagScanner.scan() >= 7)
        let target = SiteRoute.apiFlags(campaign: world.campaignID).href([("unit", "07201")])
        #expect(try await APIListPaging.checkPaging(world, target, as: "tinh24") == 7)
        #expect(try await APIListPaging.checkPaging(world, target, as: "huyen213") == 7)
        let pages = try await world.pages(target, limit: 3, as: "tinh24")
        let link = try #require(pages.first?.headers["Link"])
        #expect(
            link.hasPrefix("<https://qcdc.test/api/v1/campaigns/\(world.campaignID)/flags?unit=07201&limit=3&cursor="))
        await world.close()
    }

    @Test func questionsPageInFormOrderAndKeepEveryParameter() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let base = SiteRoute.apiQuestions(campaign: world.campaignID)
        let total = try await APIListPaging.checkPaging(world, base.path, as: "tinh24")
        #expect(total > 7, "PKS02 has more questions than the largest page tried")
        try await APIListPaging.checkPaging(world, base.href([("district", "213")]), as: "huyen213")
        try await APIListPaging.checkPaging(world, base.href([("unit", "07243")]), as: "tinh24")

        // Every other parameter comes back in its order, percent-encoded; an unknown one is still ignored.
        let target = base.href([("unit", "07201"), ("ghi chú", "a&b=c/đ")])
        let first = await world.get(APIListPaging.adding("limit=2", to: target), as: "tinh24")
        #expect(first.status == .ok)
        let link = try #require(first.headers["Link"])
        let prefix = "<https://qcdc.test/api/v1/campaigns/\(world.campaignID)/questions?unit=07201"
        #expect(link.hasPrefix(prefix + "&ghi%20ch%C3%BA=a%26b%3Dc%2F%C4%91&limit=2&cursor="), "\(link)")
        #expect(link.hasSuffix(">; rel=\"next\""))
        // The parameters given after limit and cursor move before them; the list is the same.
        let reordered = await world.get(base.path + "?limit=2&unit=07201", as: "tinh24")
        #expect(reordered.headers["Link"]?.hasPrefix(prefix + "&limit=2&cursor=") == true)
        await world.close()
    }

    @Test func yearCommunesPageByCode() async throws {
        let world = try await APIWorld()
        try await world.answer("07201", on: APIWorld.monday, positive: 3, negative: 1)
        let target = SiteRoute.apiYearCommunes(year: 2024).path
        for user in APIScopeTests.users {
            try await APIListPaging.checkPaging(
                world, target, as: user, limits: user == "tinh24" ? [7, 100] : [1, 2, 7])
        }
        await world.close()
    }

    /// The lists the console-figure endpoints added: days by date, districts by code, questions and today's
    /// board rows in their own order, a year's districts in rank order.
    @Test func theFigureListsPageToo() async throws {
        let world = try await APIWorld()
        try await world.answer("07201", on: APIWorld.monday, positive: 3, negative: 1)
        let campaign = world.campaignID
        for user in APIScopeTests.users {
            try await APIListPaging.checkPaging(world, SiteRoute.apiDays(campaign: campaign).path, as: user)
            try await APIListPaging.checkPaging(world, SiteRoute.apiSatisfaction(campaign: campaign).path, as: user)
            try await APIListPaging.checkPaging(world, SiteRoute.apiToday.path, as: user)
            try await APIListPaging.checkPaging(world, SiteRoute.apiYearDistricts(year: 2024).path, as: user)
        }
        try await APIListPaging.checkPaging(world, SiteRoute.apiDistricts(campaign: campaign).path, as: "tinh24")
        await world.close()
    }

    /// A cursor holds the last item's code, not an offset: a commune taken out of the list before the boundary does
    /// not make the next page skip one, and one added after it is on the next page.
    @Test func aBoundarySurvivesChangesBeforeIt() async throws {
        let world = try await APIWorld()
        let target = SiteRoute.apiCommunes(campaign: world.campaignID).path
        let first = await world.get(target + "?limit=2", as: "tinh24")
        #expect(first.text.contains("\"07201\"") && first.text.contains("\"07204\""))
        let next = try #require(try APIListPaging.nextTarget(first))
        let campaignID = world.campaignID
        let removed = try await world.unitID("07201")
        let added = try await world.unitID("07210")
        try await world.app.pool.write { connection in
            _ = try connection.run(
                "DELETE FROM campaign_units WHERE campaign_id = ? AND unit_id = ?", [campaignID, removed])
            _ = try connection.run(
                "INSERT INTO campaign_units (campaign_id, unit_id) VALUES (?, ?)", [campaignID, added])
        }
        world.app.environment.counterCache.forget()
        let second = await world.get(next, as: "tinh24")
        #expect(second.status == .ok)
        let codes = try JSONDecoder().decode([APIScopeTests.Unit].self, from: Data(second.body)).map(\.code)
        #expect(codes == ["07207", "07210"], "an offset would give 07210, 07243")
        await world.close()
    }
}
