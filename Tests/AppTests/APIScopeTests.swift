import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Every token (province, two districts, a commune of each) against every endpoint, for campaigns covering both
/// districts, one district only, a draft, and no campaign at all.
@Suite struct APIScopeTests {
    static let users = ["tinh24", "huyen213", "huyen215", "xa07201", "xa07243"]

    /// The unit codes each account sees of the four-commune campaign.
    static let ownCodes: [String: [String]] = [
        "tinh24": ["07201", "07204", "07207", "07243"],
        "huyen213": ["07201", "07204", "07207"],
        "huyen215": ["07243"],
        "xa07201": ["07201"],
        "xa07243": ["07243"],
    ]

    struct Unit: Decodable {
        let code: String
        let district: String?
    }
    struct Totals: Decodable { let units: Int }
    struct Item: Decodable { let id: Int64 }

    /// `GET /api/v1/years/{year}/communes`: the communes of each account's scope, every key always there, the
    /// dossier fields null; an out-of-range year is a JSON 404.
    @Test func theYearEndpointFollowsTheUnitScope() async throws {
        let world = try await APIWorld()
        try await world.answer("07201", on: APIWorld.monday, positive: 3, negative: 1)
        for user in Self.users {
            let response = await world.get(SiteRoute.apiYearCommunes(year: 2024).path, as: user)
            #expect(response.status == .ok, "\(user)")
            // A list: revalidated by its ETag (APIList), never stored by a shared cache.
            #expect(response.headers["Cache-Control"] == "private, no-cache")
            let items = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
            let codes = items.compactMap { $0["code"] as? String }
            let districts = Set(items.compactMap { $0["district"] as? String })
            switch user {
            case "tinh24": #expect(Set(Self.ownCodes["tinh24"] ?? []).isSubset(of: Set(codes)))
            case "huyen213": #expect(districts == ["213"] && codes.contains("07201") && !codes.contains("07243"))
            case "huyen215": #expect(districts == ["215"] && codes.contains("07243"))
            default: #expect(codes == [String(user.dropFirst(2))], "\(user)")
            }
            #expect(codes == codes.sorted(), "\(user): by code")
        }
        let response = await world.get(SiteRoute.apiYearCommunes(year: 2024).path, as: "xa07201")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
        let item = try #require(items.first)
        #expect(
            Set(item.keys) == [
                "code", "name", "district", "forms", "satisfaction_index", "rank_in_district", "rank_in_province",
                "dossier_state", "self_score", "district_score", "recognised",
            ])
        for key in ["dossier_state", "self_score", "district_score", "recognised", "satisfaction_index"] {
            #expect(item[key] is NSNull, "\(key)")
        }
        let forms = try #require(item["forms"] as? [String: [String: Any]])
        #expect(forms["PKS02"]?["answers"] as? Int == 4)
        #expect(forms["PKS02"]?["satisfied_share"] as? Double == 0.75)
        let old = await world.get(SiteRoute.apiYearCommunes(year: 1999).path, as: "tinh24")
        #expect(old.status == .notFound)
        #expect(try APIErrorBody(old).error == "not_found")
        await world.close()
    }

    @Test func readEndpointsFollowTheUnitScope() async throws {
        let world = try await APIWorld()
        let district213 = try await APIWorld.createCampaign(
            world.app, title: "Chỉ thành phố", scope: .districts(["213"]), start: APIWorld.monday,
            end: APIWorld.wednesday)
        let draft = try await APIWorld.createCampaign(
            world.app, title: "Bản nháp", scope: .units(["07201"]), start: APIWorld.monday, end: APIWorld.wednesday,
            state: .draft)
        let units213 = try await world.app.scalar(
            """
            SELECT count(*) FROM campaign_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.campaign_id = ?
            """, [district213])

        for user in Self.users {
            // The campaign over both districts: everyone sees it, cut to their own units.
            let communes = await world.get("/api/v1/campaigns/\(world.campaignID)/communes", as: user)
            #expect(communes.status == .ok, "\(user)")
            let codes = try JSONDecoder().decode([Unit].self, from: Data(communes.body)).map(\.code)
            #expect(codes == Self.ownCodes[user], "\(user)")
            let summary = await world.get("/api/v1/campaigns/\(world.campaignID)/summary", as: user)
            #expect(summary.status == .ok, "\(user)")
            #expect(try JSONDecoder().decode(Totals.self, from: Data(summary.body)).units == Self.ownCodes[user]?.count)

            // One district only: Yên Thế's accounts have nothing there.
            let outside = user == "huyen215" || user == "xa07243"
            for endpoint in ["communes", "summary"] {
                let response = await world.get("/api/v1/campaigns/\(district213)/\(endpoint)", as: user)
                #expect(response.status == (outside ? .forbidden : .ok), "\(user) \(endpoint)")
                if outside { #expect(try APIErrorBody(response).error == "forbidden") }
                #expect(response.headers["Content-Type"] == "application/json")
                // A refusal is never stored; the summary (not a list) neither; a list is revalidated (APIList).
                #expect(
                    response.headers["Cache-Control"]
                        == (endpoint == "communes" && !outside ? "private, no-cache" : "no-store"))

                // A draft exists only for the province.
                let draftResponse = await world.get("/api/v1/campaigns/\(draft)/\(endpoint)", as: user)
                #expect(draftResponse.status == (user == "tinh24" ? .ok : .notFound), "\(user) draft \(endpoint)")

                let unknown = await world.get("/api/v1/campaigns/999999/\(endpoint)", as: user)
                #expect(unknown.status == .notFound)
                #expect(try APIErrorBody(unknown).error == "campaign_not_found")
                #expect(await world.get("/api/v1/campaigns/abc/\(endpoint)", as: user).status == .notFound)
            }
            let inDistrict = await world.get("/api/v1/campaigns/\(district213)/communes", as: user)
            if !outside {
                let seen = try JSONDecoder().decode([Unit].self, from: Data(inDistrict.body))
                #expect(seen.allSatisfy { $0.district == "213" })
                #expect(seen.count == (user == "xa07201" ? 1 : units213), "\(user)")
            }
        }
        await world.close()
    }

    /// `GET /api/v1/campaigns/{id}/questions`: each account's own units by default; `unit` and `district` narrow
    /// within the scope (403 outside it, 404 unknown, 400 both).
    @Test func questionsFollowTheUnitScope() async throws {
        let world = try await APIWorld()
        try await world.answer("07201", on: APIWorld.monday, positive: 3, negative: 1)
        try await world.answer("07243", on: APIWorld.monday, positive: 0, negative: 2)
        let base = SiteRoute.apiQuestions(campaign: world.campaignID)
        func counts(_ path: String, as user: String) async throws -> (status: HTTPStatus, counts: [Int], answered: Int?)
        {
            let response = await world.get(path, as: user)
            guard response.status == .ok else { return (response.status, [], nil) }
            let items = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
            let second = try #require(items.first { $0["number"] as? String == "2" })
            let options = try #require(second["options"] as? [[String: Any]])
            return (response.status, options.compactMap { $0["count"] as? Int }, second["answered"] as? Int)
        }
        let own: [String: [Int]] = [
            "tinh24": [3, 0, 3], "huyen213": [3, 0, 1], "xa07201": [3, 0, 1], "huyen215": [0, 0, 2],
            "xa07243": [0, 0, 2],
        ]
        for user in Self.users {
            let all = try await counts(base.path, as: user)
            #expect(all.status == .ok, "\(user)")
            #expect(all.counts == own[user], "\(user)")
            #expect(all.answered == own[user]?.reduce(0, +), "\(user)")
            let yenThe = try await counts(base.href([("unit", "07243")]), as: user)
            let mayYenThe = ["tinh24", "huyen215", "xa07243"].contains(user)
            #expect(yenThe.status == (mayYenThe ? .ok : .forbidden), "\(user) unit")
            if mayYenThe { #expect(yenThe.counts == [0, 0, 2], "\(user) unit") }
            let city = try await counts(base.href([("district", "213")]), as: user)
            let mayCity = ["tinh24", "huyen213"].contains(user)
            #expect(city.status == (mayCity ? .ok : .forbidden), "\(user) district")
            if mayCity { #expect(city.counts == [3, 0, 1], "\(user) district") }
        }
        #expect(try await counts(base.href([("unit", "99999")]), as: "tinh24").status == .notFound)
        #expect(try await counts(base.href([("district", "99999")]), as: "tinh24").status == .notFound)
        #expect(try await counts(base.href([("district", "07201")]), as: "tinh24").status == .notFound)
        let both = await world.get(base.href([("unit", "07201"), ("district", "213")]), as: "tinh24")
        #expect(both.status == .badRequest)
        #expect(try APIErrorBody(both).error == "bad_request")
        #expect(await world.get(SiteRoute.apiQuestions(campaign: 999_999).path, as: "tinh24").status == .notFound)

        let response = await world.get(base.path, as: "xa07201")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
        #expect(items.map { $0["number"] as? String } == (1...items.count).map { String($0) }, "PKS02 has no follow-up")
        let first = try #require(items.first)
        #expect(Set(first.keys) == ["number", "parent", "text", "answered", "options"])
        #expect(first["parent"] is NSNull)
        let option = try #require((first["options"] as? [[String: Any]])?.first)
        #expect(Set(option.keys) == ["label", "count", "share"])
        #expect(option["share"] as? Double == 0.75)
        await world.close()
    }

    @Test func campaignListShowsOnlyCampaignsInScope() async throws {
        let world = try await APIWorld()
        let district213 = try await APIWorld.createCampaign(
            world.app, title: "Chỉ thành phố", scope: .districts(["213"]), start: APIWorld.monday,
            end: APIWorld.wednesday)
        try await APIWorld.createCampaign(
            world.app, title: "Bản nháp", scope: .units(["07201", "07243"]),
            start: APIWorld.monday, end: APIWorld.wednesday, state: .draft)
        let demo = world.app.demoCampaignID
        let expected: [String: Set<Int64>] = [
            "tinh24": [demo, world.campaignID, district213],
            "huyen213": [demo, world.campaignID, district213],
            "huyen215": [demo, world.campaignID],
            "xa07201": [demo, world.campaignID, district213],
            "xa07243": [demo, world.campaignID],
        ]
        for user in Self.users {
            let response = await world.get("/api/v1/campaigns", as: user)
            #expect(response.status == .ok)
            let ids = try JSONDecoder().decode([Item].self, from: Data(response.body)).map(\.id)
            #expect(Set(ids) == expected[user], "\(user)")
            #expect(ids.count == expected[user]?.count)
        }
        await world.close()
    }

    @Test func putIsForTheCommuneItselfOnly() async throws {
        let world = try await APIWorld()
        let district213 = try await APIWorld.createCampaign(
            world.app, title: "Chỉ thành phố", scope: .districts(["213"]), start: APIWorld.monday,
            end: APIWorld.wednesday)
        world.setClock(APIWorld.wednesday, 16, 45)
        for (code, owner) in [("07201", "xa07201"), ("07243", "xa07243")] {
            for user in Self.users {
                let response = await world.put(
                    world.reportPath(code, APIWorld.wednesday), json: APIWorld.goodReport,
                    as: user)
                #expect(response.status == (user == owner ? .ok : .forbidden), "\(user) → \(code)")
                if user != owner { #expect(try APIErrorBody(response).error == "forbidden") }
            }
        }
        // Scope is checked before the body: a stranger's bad body is still a 403, not a 422.
        #expect(
            await world.put(world.reportPath("07201", APIWorld.wednesday), json: "{", as: "huyen213").status
                == .forbidden)
        // Only commune accounts may file (the route admits that role alone): anyone else gets a 403 whatever the
        // address. For a commune, an unknown campaign, unknown unit, or a unit the campaign does not cover is a 404.
        for user in Self.users where !user.hasPrefix("xa") {
            let response = await world.put(
                world.reportPath("99999", APIWorld.wednesday, campaign: 999999),
                json: APIWorld.goodReport, as: user)
            #expect(response.status == .forbidden, "\(user)")
            #expect(try APIErrorBody(response).message.contains("cấp xã"), "\(user)")
        }
        for user in Self.users where user.hasPrefix("xa") {
            let unknownCampaign = await world.put(
                world.reportPath("07201", APIWorld.wednesday, campaign: 999999), json: APIWorld.goodReport, as: user)
            #expect(unknownCampaign.status == .notFound)
            let unknownUnit = await world.put(
                world.reportPath("99999", APIWorld.wednesday), json: APIWorld.goodReport,
                as: user)
            #expect(unknownUnit.status == .notFound)
            #expect(try APIErrorBody(unknownUnit).error == "unit_not_found")
            let notCovered = await world.put(
                world.reportPath("07243", APIWorld.wednesday, campaign: district213),
                json: APIWorld.goodReport, as: user)
            #expect(notCovered.status == .notFound, "\(user)")
        }
        await world.close()
    }

    @Test func tokensNotCookies() async throws {
        let world = try await APIWorld()
        let paths = [
            "/api/v1/campaigns", "/api/v1/campaigns/\(world.campaignID)/communes",
            "/api/v1/campaigns/\(world.campaignID)/summary",
        ]
        let browser = try await world.app.signIn("tinh24")
        for path in paths {
            let none = await world.app.get(path)
            #expect(none.status == .unauthorized)
            #expect(try APIErrorBody(none).error == "missing_token")
            let cookieOnly = await world.app.get(path, headers: [browser.cookieHeader])
            #expect(cookieOnly.status == .unauthorized, "\(path)")
            #expect(try APIErrorBody(cookieOnly).error == "missing_token")
            #expect(cookieOnly.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        }
        world.setClock(APIWorld.wednesday, 16, 45)
        let xaBrowser = try await world.app.signIn("xa07201")
        let cookiePut = await world.app.send(
            .put, world.reportPath("07201", APIWorld.wednesday),
            body: Array(APIWorld.goodReport.utf8),
            headers: [xaBrowser.cookieHeader, ("Content-Type", "application/json")])
        #expect(cookiePut.status == .unauthorized)
        #expect(try await world.app.scalar("SELECT count(*) FROM unit_daily_reports") == 0)

        // A revoked token stops at once, on reads and on the PUT.
        let (id, token) = try await APIWorld.addToken(world.app, for: "xa07201")
        let bearer = [("Authorization", "Bearer \(token)")]
        #expect(await world.app.get(paths[1], headers: bearer).status == .ok)
        let today = world.app.clock.today
        let now = world.app.clock.nowSeconds
        try await world.app.pool.write { try AccountAdmin($0, today: today, now: now).revokeToken(id: id) }
        for path in paths {
            let revoked = await world.app.get(path, headers: bearer)
            #expect(revoked.status == .unauthorized)
            #expect(try APIErrorBody(revoked).error == "token_revoked")
        }
        let revokedPut = await world.app.send(
            .put, world.reportPath("07201", APIWorld.wednesday),
            body: Array(APIWorld.goodReport.utf8),
            headers: bearer + [("Content-Type", "application/json")])
        #expect(revokedPut.status == .unauthorized)
        #expect(try await world.app.scalar("SELECT count(*) FROM unit_daily_reports") == 0)
        await world.close()
    }
}
