import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Issue 16: the helper roster through the API (`/api/v1/roster`), over APIWorld (today Wednesday 12/06/2024): the
/// deadline, each commune's people and status, and who is missing, as the roster page computes them, in the page's
/// scope.
@Suite struct APIRosterTests {
    /// District 213's deadline is Tuesday; 07204 listed someone on Monday, 07201 today (late); the others nobody.
    static func fill(_ world: APIWorld) async throws {
        let app = world.app
        let districtID = try await world.unitID("213")
        let user = try await app.authenticated("huyen213")
        let now = app.clock.nowSeconds
        try await app.pool.write {
            try RosterStore($0).setDeadline(districtID: districtID, dueOn: APIWorld.tuesday, by: user, now: now)
        }
        world.setClock(APIWorld.monday, 9, 0)
        try await app.addRosterEntry(code: "07204", as: "huyen213", name: "Nguyễn Thị Lan")
        world.setClock(APIWorld.wednesday, 10, 0)
        try await app.addRosterEntry(code: "07201", as: "huyen213")
    }

    @Test func theDistrictsRosterIsItsPageAsJSON() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        let response = await world.get(SiteRoute.apiRoster.path, as: "huyen213")
        #expect(response.status == .ok)
        #expect(response.headers["Cache-Control"] == "no-store")
        let roster = try APIFiguresTests.object(response)
        #expect(roster["today"] as? String == "2024-06-12")
        let districts = try #require(roster["districts"] as? [[String: Any]])
        let district = try #require(districts.first)
        #expect(districts.count == 1)
        #expect(district["code"] as? String == "213")
        #expect(district["deadline"] as? String == "2024-06-11")
        #expect(district["deadline_passed"] as? Bool == true)
        let communes = try #require(district["communes"] as? [[String: Any]])
        let statuses = Dictionary(
            uniqueKeysWithValues: communes.compactMap { c in (c["code"] as? String).map { ($0, c["status"] as? String) }
            })
        #expect(statuses["07204"] == "da_nop")
        #expect(statuses["07201"] == "nop_muon")
        let others = statuses.filter { $0.key != "07201" && $0.key != "07204" }
        #expect(!others.isEmpty && others.values.allSatisfy { $0 == "qua_han" })
        #expect(district["missing"] as? [String] == others.keys.sorted())
        let lan = try #require(communes.first { $0["code"] as? String == "07204" }?["entries"] as? [[String: Any]])
        #expect(lan.first?["name"] as? String == "Nguyễn Thị Lan")
        #expect(lan.first?["organisation"] as? String == "Hội Phụ nữ")
        #expect(lan.first?["added_at"] as? String == "2024-06-10T09:00:00+07:00")

        // The page says the same.
        let browser = try await world.app.signIn("huyen213")
        let page = await world.app.get(SiteRoute.roster.path, as: browser).document.text
        #expect(page.contains("\(others.count) xã quá hạn chưa nộp danh sách"))
        #expect(page.contains("Nguyễn Thị Lan – Hội Phụ nữ"))
        #expect(page.contains("Nộp muộn"))
        await world.close()
    }

    static func bytes(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: .sortedKeys)
    }

    @Test func scopeAsThePage() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        let own = try APIFiguresTests.object(await world.get(SiteRoute.apiRoster.path, as: "huyen213"))
        let ownDistrict = try #require((own["districts"] as? [[String: Any]])?.first)
        // The province: every district of its set, or the one it names (the district's own object).
        let all = try APIFiguresTests.object(await world.get(SiteRoute.apiRoster.path, as: "tinh24"))
        let codes = try #require(all["districts"] as? [[String: Any]]).compactMap { $0["code"] as? String }
        #expect(codes.contains("213") && codes.contains("215"))
        let one = try APIFiguresTests.object(
            await world.get(SiteRoute.apiRoster.href([("district", "213")]), as: "tinh24"))
        let chosen = try #require((one["districts"] as? [[String: Any]])?.first)
        #expect(try Self.bytes(chosen) == Self.bytes(ownDistrict))
        // A commune: its own line under its district's deadline.
        let commune = try APIFiguresTests.object(await world.get(SiteRoute.apiRoster.path, as: "xa07201"))
        let itsDistrict = try #require((commune["districts"] as? [[String: Any]])?.first)
        #expect(itsDistrict["code"] as? String == "213")
        #expect(itsDistrict["deadline"] as? String == "2024-06-11")
        #expect((itsDistrict["communes"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["07201"])
        #expect((itsDistrict["missing"] as? [String]) == [])
        // Refusals, as JSON.
        for (target, user, status, code) in [
            (SiteRoute.apiRoster.href([("district", "215")]), "huyen213", HTTPStatus.forbidden, "forbidden"),
            (SiteRoute.apiRoster.href([("district", "213")]), "xa07201", .forbidden, "forbidden"),
            (SiteRoute.apiRoster.href([("district", "07201")]), "tinh24", .notFound, "unit_not_found"),
        ] {
            let refused = await world.get(target, as: user)
            #expect(refused.status == status, "\(target) \(user)")
            #expect(try APIErrorBody(refused).error == code, "\(target) \(user)")
        }
        await world.close()
    }
}
