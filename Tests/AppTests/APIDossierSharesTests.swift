import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// `GET /api/v1/years/{year}/dossiers/shares`: the list page's section "Tỷ lệ xã được công nhận" as an object —
/// the same counts per district and in total, the same mark against the yearly target, in the same scope.
@Suite struct APIDossierSharesTests {
    static let path = SiteRoute.apiDossierShares(year: APIDossierFixture.year).path

    struct Counts: Decodable {
        let communes: Int
        let started: Int
        let submitted: Int
        let decided: Int
        let recognised: Int
        let share: Double?
    }

    struct District: Decodable {
        let code: String?
        let name: String
        let communes: Int
        let started: Int
        let submitted: Int
        let decided: Int
        let recognised: Int
        let share: Double?
        let reached: Bool
    }

    struct Shares: Decodable {
        let year: Int
        let targetShare: Double
        let total: Counts
        let districts: [District]
    }

    static func shares(_ response: HTTPResponse) throws -> Shares {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Shares.self, from: Data(response.body))
    }

    @Test func theSectionOfThePageFigureForFigure() async throws {
        let world = try await APIWorld()
        try await APIDossierFixture.fill(world)
        for user in ["tinh24", "huyen213"] {
            let response = await world.get(Self.path, as: user)
            #expect(response.status == .ok)
            #expect(response.headers["Cache-Control"] == "no-store", "an object, like a campaign's summary")
            let shares = try Self.shares(response)
            let browser = try await world.app.signIn(user)
            let page = await world.app.get(SiteRoute.dossiers(year: APIDossierFixture.year).path, as: browser)
            let table = try #require(page.document.table(class: "recognition-shares"))
            #expect(table.column("Huyện") == shares.districts.map(\.name), "\(user)")
            for (line, row) in zip(shares.districts, table.rows) {
                #expect(row["Số xã"] == Format.count(line.communes))
                #expect(row["Đã lập hồ sơ"] == Format.count(line.started))
                #expect(row["Đã gửi"] == Format.count(line.submitted))
                #expect(row["Đã quyết định"] == Format.count(line.decided))
                #expect(row["Được công nhận"] == Format.count(line.recognised))
                #expect(row["Tỷ lệ"] == Format.percent(line.share))
                #expect(row.classes.contains(line.reached ? "reached" : "short"))
            }
            let lead = try #require(page.document.element(id: "ty-le")).text
            let total = shares.total
            #expect(
                lead.contains(
                    "\(Format.count(total.recognised))/\(Format.count(total.communes)) xã được công nhận (\(Format.percent(total.share)))"
                ))
            #expect(lead.contains("mục tiêu năm \(Format.percent(shares.targetShare))"))
            // Every key written.
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(Set(object.keys) == ["year", "target_share", "total", "districts"])
            let counts: Set<String> = ["communes", "started", "submitted", "decided", "recognised", "share"]
            #expect(Set((object["total"] as? [String: Any])?.keys ?? [:].keys) == counts)
            for line in object["districts"] as? [[String: Any]] ?? [] {
                #expect(Set(line.keys) == counts.union(["code", "name", "reached"]))
            }
        }
        await world.close()
    }

    @Test func countsEachStageAgainstTheTarget() async throws {
        let world = try await APIWorld()
        try await APIDossierFixture.fill(world)
        let lines = try APIDossierFixture.lines(await world.get(SiteRoute.apiDossiers(year: 2024).path, as: "tinh24"))
        let communes = lines.filter { $0.level == "commune" }
        let inCity = communes.count { $0.district == "213" }
        let shares = try Self.shares(await world.get(Self.path, as: "tinh24"))
        #expect(shares.year == 2024 && shares.targetShare == 0.6)
        #expect(shares.total.communes == communes.count && shares.total.recognised == 1)
        #expect(shares.total.started == 4 && shares.total.submitted == 3 && shares.total.decided == 2)
        let city = try #require(shares.districts.first { $0.code == "213" })
        #expect(city.communes == inCity && city.started == 3 && city.submitted == 2 && city.decided == 2)
        #expect(city.recognised == 1 && city.share == APIJSON.share(1 / Double(inCity)) && !city.reached)
        let yenThe = try #require(shares.districts.first { $0.code == "215" })
        #expect(yenThe.started == 1 && yenThe.submitted == 1 && yenThe.decided == 0 && yenThe.share == 0)
        #expect(shares.districts.map(\.code) == shares.districts.map(\.code).sorted { ($0 ?? "") < ($1 ?? "") })

        // A target of exactly the city's share is reached; Yên Thế's 0 is not.
        let target = 1 / Double(inCity)
        try await world.app.pool.write {
            try $0.run(
                "INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('yearly_target_share', ?, 0)",
                [String(target)])
        }
        let lowered = try Self.shares(await world.get(Self.path, as: "tinh24"))
        #expect(lowered.targetShare == APIJSON.share(target))
        #expect(lowered.districts.first { $0.code == "213" }?.reached == true)
        #expect(lowered.districts.first { $0.code == "215" }?.reached == false)
        await world.close()
    }

    @Test func scopeAndRefusalsAreTheLists() async throws {
        let world = try await APIWorld()
        try await APIDossierFixture.fill(world)
        let city = await world.get(Self.path, as: "huyen213")
        #expect(try Self.shares(city).districts.map(\.code) == ["213"])
        let narrowed = SiteRoute.apiDossierShares(year: 2024).href([("district", "213")])
        #expect(await world.get(narrowed, as: "tinh24").text == city.text)
        let province = try Self.shares(await world.get(Self.path, as: "tinh24"))
        #expect(province.districts.count > 2)

        let other = SiteRoute.apiDossierShares(year: 2024).href([("district", "215")])
        #expect(await world.get(other, as: "huyen213").status == .forbidden)
        let commune = await world.get(Self.path, as: "xa07201")
        #expect(commune.status == .forbidden)
        #expect(try APIErrorBody(commune).error == "forbidden")
        let unknown = SiteRoute.apiDossierShares(year: 2024).href([("district", "999")])
        #expect(try APIErrorBody(await world.get(unknown, as: "tinh24")).error == "unit_not_found")
        let year = await world.get("/api/v1/years/1999/dossiers/shares", as: "tinh24")
        #expect(year.status == .notFound)
        #expect(try APIErrorBody(year).error == "not_found")
        await world.close()
    }
}
