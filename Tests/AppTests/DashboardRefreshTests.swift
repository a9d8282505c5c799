import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The dashboard no longer reloads itself by a `Refresh` header (it wiped a half-typed late-entry form): it says
/// when its figures were read with a "Cập nhật" link, and during the reporting window of a running campaign it
/// loads `refresh.js`, which reloads only while no field has been touched (checked in a real browser by
/// Tests/browser/scenarios/test_dashboard_refresh.py).
@Suite struct DashboardRefreshTests {
    /// The dashboard as `username` sees it at a Hanoi time today, signed in at that time (a session left idle
    /// over the hours the clock jumps would have ended).
    func dashboard(
        _ app: TestApp, at hour: Int, _ minute: Int, _ second: Int = 0, as username: String = "huyen213",
        campaign: Int64? = nil, query: String = ""
    ) async throws -> HTTPResponse {
        app.clock.set(Double(VietnamTime.instant(app.clock.today, hour: hour, minute: minute, second: second)))
        let browser = try await app.signIn(username)
        return await app.get(SiteRoute.dashboard(campaign: campaign ?? app.demoCampaignID).path + query, as: browser)
    }

    /// The paragraph with the time and the link.
    func freshness(_ page: HTTPResponse) throws -> HTMLElement {
        try #require(page.document.element(id: "so-lieu"), "no freshness line: \(page.status)")
    }

    func scripts(_ page: HTTPResponse) -> [String] {
        page.document.elements(tag: "script").compactMap { $0["src"] }
    }

    @Test func duringTheWindowThePageNotTheHeaderReloads() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let base = SiteRoute.dashboard(campaign: app.demoCampaignID).path

        let page = try await dashboard(app, at: 16, 40, 59, query: "?sort=answers")
        #expect(page.status == .ok)
        #expect(page.headers["Refresh"] == nil, "no header reload")
        let line = try freshness(page)
        #expect(line.text.hasPrefix("Số liệu lúc 16:40 · Cập nhật"), "Hanoi time, to the minute: \(line.text)")
        #expect(line["data-refresh"] == "60", "the interval the script reads")
        #expect(line.links == [HTMLLink(href: base + "?sort=answers", text: "Cập nhật")], "reloads the same view")
        #expect(scripts(page) == [SiteRoute.asset(path: "refresh.js").path])
        #expect(page.document.form(action: SiteRoute.lateEntry(campaign: app.demoCampaignID).path) != nil)

        // The window's edges: 16:30:00 is inside, 17:00:00 is not.
        #expect(try freshness(await dashboard(app, at: 16, 30))["data-refresh"] == "60")
        let after = try await dashboard(app, at: 17, 0)
        #expect(after.headers["Refresh"] == nil)
        #expect(try freshness(after)["data-refresh"] == nil)
        #expect(try freshness(after).text == "Số liệu lúc 17:00 · Cập nhật")
        #expect(scripts(after).isEmpty, "outside the window no script at all")
        #expect(try freshness(await dashboard(app, at: 16, 29, 59))["data-refresh"] == nil)

        // Every role sees when the figures were read.
        for name in ["tinh24", "xa07201"] {
            let other = try await dashboard(app, at: 9, 5, as: name)
            #expect(try freshness(other).text == "Số liệu lúc 09:05 · Cập nhật", "\(name)")
        }
        await app.close()
    }

    @Test func aCampaignNotRunningTodayDoesNotReloadInTheWindow() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let today = app.clock.today
        let (upcoming, ended) = try await app.pool.write { connection -> (Int64, Int64) in
            let store = CampaignStore(connection)
            var later = NewCampaign(
                formCode: "PKS03", title: "Sắp mở", startsOn: today.adding(days: 3), endsOn: today.adding(days: 9))
            later.scope = .units(["07201"])
            var past = NewCampaign(
                formCode: "PKS04", title: "Đã xong", startsOn: today.adding(days: -9), endsOn: today.adding(days: -1))
            past.scope = .units(["07201"])
            return (try store.create(later, today: today, now: 0), try store.create(past, today: today, now: 0))
        }
        for campaign in [upcoming, ended] {
            let page = try await dashboard(app, at: 16, 45, campaign: campaign)
            #expect(page.status == .ok)
            #expect(try freshness(page)["data-refresh"] == nil, "campaign \(campaign): no reports come in today")
            #expect(scripts(page).isEmpty)
        }
        await app.close()
    }

    @Test func theScriptIsServedAndStopsOnceAFieldIsTouched() async throws {
        let app = try await TestApp()
        let script = await app.get(SiteRoute.asset(path: "refresh.js").path)
        #expect(script.status == .ok)
        #expect(script.headers["Content-Type"]?.hasPrefix("text/javascript") == true)
        // What the browser test exercises, pinned here too: the interval comes from data-refresh at every tick,
        // focus, input and change on a field stop the reload for good.
        for needle in ["data-refresh", "focusin", "'input'", "'change'", "touched", "location.reload()"] {
            #expect(script.text.contains(needle), "\(needle)")
        }
        await app.close()
    }
}
