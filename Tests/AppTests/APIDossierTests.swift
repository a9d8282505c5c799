import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// `GET /api/v1/years/{year}/dossiers`: the rows of the list page `/admin/dossiers/{year}` — every figure, in the
/// page's order, for the same scope — with the page's refusals, the API's 404s, paging and revalidation.
@Suite struct APIDossierTests {
    static let path = SiteRoute.apiDossiers(year: APIDossierFixture.year).path

    @Test func linesAreThePagesRowsFigureForFigure() async throws {
        let world = try await APIWorld()
        try await APIDossierFixture.fill(world)
        for user in ["tinh24", "huyen213", "huyen215"] {
            let response = await world.get(Self.path, as: user)
            #expect(response.status == .ok, "\(user)")
            let lines = try APIDossierFixture.lines(response)
            let browser = try await world.app.signIn(user)
            let page = await world.app.get(SiteRoute.dossiers(year: APIDossierFixture.year).path, as: browser)
            let rows = APIDossierFixture.pageRows(page)
            #expect(lines.map(\.code) == rows.map(\.code), "\(user): the page's rows, in its order")
            for (line, row) in zip(lines, rows.map(\.row)) {
                APIDossierFixture.expectSame(line, as: row)
            }
            // Every key on every line, null rather than left out.
            for object in try APIDossierFixture.objects(response) {
                #expect(Set(object.keys) == APIDossierFixture.keys)
            }
        }
        await world.close()
    }

    @Test func eachStateReadsAsRecorded() async throws {
        let world = try await APIWorld()
        try await APIDossierFixture.fill(world)
        let response = await world.get(Self.path, as: "tinh24")
        let lines = try APIDossierFixture.lines(response)

        let recognised = try APIDossierFixture.line(lines, "07201")
        #expect(recognised.level == "commune" && recognised.district == "213")
        #expect(recognised.state == "decided" && recognised.stateLabel == "Đã có quyết định")
        #expect(recognised.selfScore == 80 && recognised.districtScore == 80 && recognised.provinceScore == nil)
        #expect(recognised.recognised == true && recognised.missingDocuments == [])
        #expect(recognised.decisionNumber == "31/QĐ-BCĐ" && recognised.decisionDate == "2024-06-28")

        let refused = try APIDossierFixture.line(lines, "07204")
        #expect(refused.recognised == false && refused.decisionNumber == "32/QĐ-BCĐ")
        #expect(refused.decisionDate == "2024-06-29")

        let draft = try APIDossierFixture.line(lines, "07207")
        #expect(draft.state == "draft" && draft.stateLabel == "Đang lập" && draft.selfScore == nil)
        #expect(draft.passes == nil && draft.recognised == nil && draft.decisionNumber == nil)
        let missing = try #require(draft.missingDocuments)
        #expect(missing.count >= 3, "the three required documents of a new dossier: \(missing)")

        let submitted = try APIDossierFixture.line(lines, "07243")
        #expect(submitted.district == "215" && submitted.state == "submitted")
        #expect(submitted.districtScore == nil && submitted.recognised == nil && submitted.decisionDate == nil)
        // Still missing the district's approval, which only the district uploads.
        #expect(submitted.missingDocuments?.isEmpty == false)

        let committee = try APIDossierFixture.line(lines, "213")
        #expect(committee.level == "district" && committee.district == nil && committee.state == "draft")
        #expect(committee.missingDocuments?.isEmpty == false)
        #expect(lines.first?.level == "district", "the committees come first, as on the page")

        // A commune without a dossier: no state, and missing documents null (not []), as the page's "–".
        let objects = try APIDossierFixture.objects(response)
        let none = try #require(objects.first { $0["code"] as? String == "07210" })
        #expect(none["state"] is NSNull && none["missing_documents"] is NSNull && none["passes"] is NSNull)
        #expect(none["state_label"] as? String == "Chưa lập hồ sơ")
        let complete = try #require(objects.first { $0["code"] as? String == "07201" })
        #expect((complete["missing_documents"] as? [Any])?.isEmpty == true)
        await world.close()
    }

    @Test func scopeFollowsThePage() async throws {
        let world = try await APIWorld()
        try await APIDossierFixture.fill(world)
        let city = await world.get(Self.path, as: "huyen213")
        let cityLines = try APIDossierFixture.lines(city)
        #expect(cityLines.filter { $0.level == "district" }.map(\.code) == ["213"])
        #expect(cityLines.filter { $0.level == "commune" }.allSatisfy { $0.district == "213" })
        #expect(cityLines.contains { $0.code == "07201" } && !cityLines.contains { $0.code == "07243" })
        let yenThe = try APIDossierFixture.lines(await world.get(Self.path, as: "huyen215"))
        #expect(yenThe.contains { $0.code == "07243" } && !yenThe.contains { $0.code == "07201" })

        // The province narrowed to a district reads exactly what that district's account reads.
        let narrowed = SiteRoute.apiDossiers(year: APIDossierFixture.year).href([("district", "213")])
        #expect(await world.get(narrowed, as: "tinh24").text == city.text)
        #expect(await world.get(narrowed, as: "huyen213").text == city.text)
        let empty = SiteRoute.apiDossiers(year: APIDossierFixture.year).href([("district", "")])
        #expect(await world.get(empty, as: "tinh24").text == (await world.get(Self.path, as: "tinh24")).text)

        // Another district: 403 as on the page; a commune may not read the list at all.
        let other = await world.get(
            SiteRoute.apiDossiers(year: APIDossierFixture.year).href([("district", "215")]), as: "huyen213")
        #expect(other.status == .forbidden)
        #expect(try APIErrorBody(other).error == "forbidden")
        let commune = await world.get(Self.path, as: "xa07201")
        #expect(commune.status == .forbidden)
        #expect(try APIErrorBody(commune).message.contains("/api/v1/years/"))
        await world.close()
    }

    @Test func unknownYearAndDistrictAreNotFound() async throws {
        let world = try await APIWorld()
        for year in ["1999", "2026", "abc"] {
            let response = await world.get("/api/v1/years/\(year)/dossiers", as: "tinh24")
            #expect(response.status == .notFound, "\(year)")
            #expect(try APIErrorBody(response).error == "not_found")
        }
        for code in ["999", "07201", "24"] {
            let target = SiteRoute.apiDossiers(year: APIDossierFixture.year).href([("district", code)])
            let response = await world.get(target, as: "tinh24")
            #expect(response.status == .notFound, "\(code)")
            #expect(try APIErrorBody(response).error == "unit_not_found")
        }
        #expect(await world.get(Self.path, as: "tinh24").status == .ok)
        await world.close()
    }

    @Test func pagesAndRevalidates() async throws {
        let world = try await APIWorld()
        try await APIDossierFixture.fill(world)
        let narrowed = SiteRoute.apiDossiers(year: APIDossierFixture.year).href([("district", "213")])
        let inCity = try await APIListPaging.checkPaging(world, narrowed, as: "tinh24")
        #expect(inCity > 7)
        try await APIListPaging.checkPaging(world, Self.path, as: "huyen215")
        let total = try await APIListPaging.checkPaging(world, Self.path, as: "tinh24", limits: [50, 1000])
        #expect(total > 50)

        let tag = try await world.etag(Self.path, as: "huyen213")
        let again = await world.get(Self.path, as: "huyen213", headers: [("If-None-Match", tag)])
        #expect(again.status == .notModified && again.body.isEmpty)
        // A dossier opened changes the list, and its tag.
        try await world.app.addUser("xa07210", role: .commune, unit: "07210")
        try await world.app.openDossier(year: APIDossierFixture.year, code: "07210", as: "xa07210")
        let changed = await world.get(Self.path, as: "huyen213", headers: [("If-None-Match", tag)])
        #expect(changed.status == .ok)
        #expect(changed.headers["ETag"] != tag)
        await world.close()
    }
}
