import Crypto
import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Every malformed `limit` or `cursor` on every list endpoint is a 400 with its code, and a cursor made for one
/// list is refused by another.
@Suite struct APIListRefusalTests {
    static let badLimits = [
        "limit=0", "limit=-1", "limit=1001", "limit=abc", "limit=", "limit", "limit=1&limit=2", "limit=%2B5",
        "limit=%205", "limit=1.5", "limit=1e3", "limit=99999999999999999999", "limit=0x10",
    ]
    static let badCursors = [
        "cursor=", "cursor=!!!", "cursor=A", "cursor=AAAA", "cursor=abc%3D",
        "cursor=" + String(repeating: "A", count: 4000),
        "cursor=" + Base64URL.encode(Array(repeating: UInt8(1), count: 40)),
    ]

    /// The five lists, as the province reads them.
    static func targets(_ world: APIWorld) -> [String] {
        [
            "/api/v1/campaigns", SiteRoute.apiCommunes(campaign: world.campaignID).path,
            SiteRoute.apiFlags(campaign: world.campaignID).href([("unit", "07201")]),
            SiteRoute.apiQuestions(campaign: world.campaignID).path, SiteRoute.apiYearCommunes(year: 2024).path,
        ]
    }

    @Test func malformedLimitsAndCursorsAreRefused() async throws {
        let world = try await APIWorld()
        for target in Self.targets(world) {
            for (parameters, code) in Self.badLimits.map({ ($0, "invalid_limit") })
                + Self.badCursors.map({ ($0, "invalid_cursor") })
            {
                let response = await world.get(APIListPaging.adding(parameters, to: target), as: "tinh24")
                #expect(response.status == .badRequest, "\(target) \(parameters.prefix(40))")
                let body = try APIErrorBody(response)
                #expect(body.error == code, "\(target) \(parameters.prefix(40))")
                #expect(body.message.contains("Tham số"))
                #expect(response.headers["Cache-Control"] == "no-store")
            }
            // A cursor given twice, even the same good one.
            let first = await world.get(APIListPaging.adding("limit=1", to: target), as: "tinh24")
            if let next = try APIListPaging.nextTarget(first), let cursor = APIListPaging.value("cursor", in: next) {
                let twice = await world.get(
                    APIListPaging.adding("limit=1&cursor=\(cursor)&cursor=\(cursor)", to: target), as: "tinh24")
                #expect(try APIErrorBody(twice).error == "invalid_cursor", "\(target)")
                // Any character changed: the MAC no longer holds.
                var tampered = Array(cursor)
                tampered[tampered.count / 2] = tampered[tampered.count / 2] == "A" ? "B" : "A"
                let changed = await world.get(
                    APIListPaging.adding("limit=1&cursor=\(String(tampered))", to: target), as: "tinh24")
                #expect(try APIErrorBody(changed).error == "invalid_cursor", "\(target)")
                #expect(await world.get(next, as: "tinh24").status == .ok)
            }
            // The limits at the edges are fine.
            for limit in ["1", "1000", "007"] {
                let response = await world.get(APIListPaging.adding("limit=\(limit)", to: target), as: "tinh24")
                #expect(response.status == .ok, "\(target) limit=\(limit)")
            }
        }
        await world.close()
    }

    /// A cursor belongs to its list: another endpoint, campaign, `unit` or `district`, or another server's secret
    /// refuses it. The campaign's access still comes first: a stranger's bad cursor is a 404 or a 403.
    @Test func aCursorOfAnotherListIsRefused() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let other = try await APIWorld.createCampaign(
            world.app, title: "Đợt khác", scope: .units(APIWorld.communeCodes), start: APIWorld.monday,
            end: APIWorld.wednesday)
        func cursor(_ target: String) async throws -> String {
            let first = await world.get(APIListPaging.adding("limit=1", to: target), as: "tinh24")
            let next = try #require(try APIListPaging.nextTarget(first), "\(target) has a second page")
            return try #require(APIListPaging.value("cursor", in: next))
        }
        let communes = try await cursor(SiteRoute.apiCommunes(campaign: world.campaignID).path)
        let years = try await cursor(SiteRoute.apiYearCommunes(year: 2024).path)
        let questions = SiteRoute.apiQuestions(campaign: world.campaignID)
        let city = try await cursor(questions.href([("district", "213")]))
        let refused: [(String, String)] = [
            (SiteRoute.apiCommunes(campaign: other).path, communes),
            (SiteRoute.apiYearCommunes(year: 2024).path, communes),
            (SiteRoute.apiYearCommunes(year: 2025).path, years),
            (SiteRoute.apiCommunes(campaign: world.campaignID).path, years),
            (questions.path, city),
            (questions.href([("district", "215")]), city),
            (questions.href([("unit", "07201")]), city),
            ("/api/v1/campaigns", communes),
        ]
        for (target, cursor) in refused {
            let response = await world.get(APIListPaging.adding("limit=1&cursor=\(cursor)", to: target), as: "tinh24")
            #expect(response.status == .badRequest, "\(target)")
            #expect(try APIErrorBody(response).error == "invalid_cursor", "\(target)")
        }
        // The same list under another spelling of its path, and with an unknown parameter added, keeps its cursor.
        let spelled = "/api/v1/campaigns/0\(world.campaignID)/communes?limit=1&x=1&cursor=\(communes)"
        #expect(await world.get(spelled, as: "tinh24").status == .ok)

        // Another server (another secret) made it: refused like a forged one.
        let stranger = try await APIWorld()
        let target = SiteRoute.apiYearCommunes(year: 2024).path
        let foreign = await stranger.get(APIListPaging.adding("limit=1&cursor=\(years)", to: target), as: "tinh24")
        #expect(try APIErrorBody(foreign).error == "invalid_cursor")
        await stranger.close()

        // Outside the caller's scope the access answers first.
        let unknown = await world.get("/api/v1/campaigns/999999/communes?limit=0", as: "tinh24")
        #expect(unknown.status == .notFound)
        await world.close()
    }
}
