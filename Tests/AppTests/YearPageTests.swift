import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// `/admin/years/{year}/communes/{code}` and `/admin/years/{year}/rankings` through the router. APIWorld's PKS02
/// campaign runs 10–16/06/2024 over 07201, 07204, 07207 (district 213) and 07243 (district 215); today is
/// 12/06/2024.
@Suite struct YearPageTests {
    @Test func theCommuneYearShowsEveryFormWithOrWithoutACampaign() async throws {
        let world = try await APIWorld()
        let app = world.app
        try await world.answer("07201", on: APIWorld.monday, positive: 3, negative: 1)
        try await world.file("07201", on: APIWorld.monday, visitors: 8)
        let province = try await app.signIn("tinh24")
        let page = await app.get(SiteRoute.communeYear(year: 2024, unit: "07201").path, as: province)
        #expect(page.status == .ok)
        let document = page.document
        #expect(document.text.contains("năm 2024"))
        // PKS02 has the campaign, linked to the commune's page in it, with its answers and punctuality.
        let campaigns = try #require(document.table(withHeader: "Phiếu trong năm"))
        let row = try #require(campaigns.row(where: "Đợt", is: "Đợt thử API"))
        #expect(row["Phiếu trong năm"] == "4")
        #expect(row["Hài lòng"] == "75,0%")
        #expect(row["Báo cáo đúng giờ / muộn / không có"] == "1 / 0 / 1")
        #expect(
            document.links.contains {
                $0.href == SiteRoute.campaignUnit(campaign: world.campaignID, unit: "07201").path
            })
        // PKS05 had no campaign for it this year: it says so.
        #expect(page.text.contains("<h2 id=\"PKS05\">"))
        #expect(
            document.text.contains("Năm 2024 xã không có đợt khảo sát nào theo mẫu phiếu này"))
        // The trend by quarter: an SVG readable without script, and the same numbers in a table.
        #expect(page.text.contains("<svg") && page.text.contains("role=\"img\""))
        let quarters = try #require(document.table(withHeader: "Quý"))
        #expect(quarters.column("Số phiếu")?.first { $0 != "0" } != nil)
        #expect(quarters.row(where: "Quý", is: "Quý 2")?["Hài lòng"] == "75,0%")
        // Under the minimum (30 answers a year): not ranked, and the page says why.
        #expect(document.text.contains("chưa xếp hạng"))
        #expect(document.links.contains { $0.href == SiteRoute.yearRankings(year: 2024).path })
        await world.close()
    }

    @Test func scopeAndUnknownAddresses() async throws {
        let world = try await APIWorld()
        let app = world.app
        var browsers: [String: Browser] = [:]
        for name in ["tinh24", "huyen213", "xa07201"] { browsers[name] = try await app.signIn(name) }
        let cases: [(String, Int, String, HTTPStatus)] = [
            ("tinh24", 2024, "07243", .ok), ("huyen213", 2024, "07201", .ok), ("huyen213", 2024, "07243", .forbidden),
            ("xa07201", 2024, "07201", .ok), ("xa07201", 2024, "07204", .forbidden),
            ("tinh24", 2024, "99999", .notFound), ("tinh24", 2024, "213", .notFound),
            ("tinh24", 1999, "07201", .notFound), ("tinh24", 2026, "07201", .notFound),
            ("tinh24", 2025, "07201", .ok),
        ]
        for (user, year, code, status) in cases {
            let browser = try #require(browsers[user])
            let response = await app.get(SiteRoute.communeYear(year: year, unit: code).path, as: browser)
            #expect(response.status == status, "\(user) \(year) \(code)")
        }
        await world.close()
    }

    @Test func rankingsFollowTheScopeAndShowTheWeights() async throws {
        let world = try await APIWorld()
        let app = world.app
        let province = try await app.signIn("tinh24")
        let district = try await app.signIn("huyen213")
        let commune = try await app.signIn("xa07201")
        let rankings = SiteRoute.yearRankings(year: 2024)

        let all = await app.get(rankings.path, as: province)
        #expect(all.status == .ok)
        let weights = try #require(all.document.table(withHeader: "Trọng số"))
        #expect(weights.row(where: "Mẫu phiếu", is: "PKS02")?["Trọng số"] == "1,00")
        #expect(all.document.table(withHeader: "Huyện")?.rows.isEmpty == false)
        let form = try #require(all.document.form(action: SiteRoute.indexWeights(year: 2024).path))
        #expect(form.method == "post")

        let narrowed = await app.get(rankings.href([("district", "215")]), as: province)
        let communes215 = try #require(narrowed.document.table(withHeader: "Hạng trong huyện"))
        #expect(communes215.rows.allSatisfy { $0["Huyện"] == communes215.rows.first?["Huyện"] })
        #expect(communes215.rows.contains { $0["Xã"]?.contains("07243") == true })
        #expect(await app.get(rankings.href([("district", "999")]), as: province).status == .notFound)

        let own = await app.get(rankings.path, as: district)
        #expect(own.status == .ok)
        let ownRows = try #require(own.document.table(withHeader: "Hạng trong huyện")).rows
        #expect(!ownRows.isEmpty && !ownRows.contains { $0["Xã"]?.contains("07243") == true })
        #expect(own.document.form(action: SiteRoute.indexWeights(year: 2024).path) == nil)
        #expect(await app.get(rankings.href([("district", "215")]), as: district).status == .forbidden)
        // A year without any campaign: an empty ranking that says so, not an error.
        let empty = await app.get(SiteRoute.yearRankings(year: 2023).path, as: district)
        #expect(empty.status == .ok)
        #expect(empty.document.text.contains("Năm 2023 chưa có đợt khảo sát nào trong phạm vi này"))

        let alone = await app.get(rankings.path, as: commune)
        let aloneRows = try #require(alone.document.table(withHeader: "Hạng trong huyện")).rows
        #expect(aloneRows.count == 1 && aloneRows.first?["Xã"]?.contains("07201") == true)
        #expect(await app.get(SiteRoute.yearRankings(year: 1999).path, as: province).status == .notFound)

        // The province changes the weighting: 303 back to the rankings, which show it, and the audit log has it.
        let saved = await app.post(
            SiteRoute.indexWeights(year: 2024).path, form: [("weight-PKS05", "2,5"), ("minimum", "12")],
            as: province, csrf: province.csrf)
        #expect(saved.status == .seeOther)
        let after = await app.get(rankings.path, as: province)
        #expect(
            after.document.table(withHeader: "Trọng số")?.row(where: "Mẫu phiếu", is: "PKS05")?["Trọng số"] == "2,50")
        #expect(after.document.text.contains("ít nhất 12 phiếu"))
        #expect(try await app.auditActions().contains("index_weights_change"))
        let refused = await app.post(
            SiteRoute.indexWeights(year: 2024).path, form: [("weight-PKS05", "-1"), ("minimum", "12")],
            as: province, csrf: province.csrf)
        #expect(refused.status == .unprocessableContent)
        await world.close()
    }
}
