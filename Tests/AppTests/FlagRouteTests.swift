import Database
import Foundation
import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// The flagged answers through the real router: the per-commune table's column, the list a province reviews and a
/// district reads, the review buttons (303, counters, audit), and the API's shapes.
@Suite struct FlagRouteTests {
    /// APIWorld (clock Wednesday 12/06/2024 10:00) with five answers of commune 07201 sent at 05:00 that day (off
    /// hours) and two honest ones at 09:00, scanned.
    static func world() async throws -> (APIWorld, flagged: [Int64]) {
        let world = try await APIWorld()
        let campaignID = world.campaignID
        let unit = try await world.unitID("07201")
        let flagged = try await world.app.pool.write { connection -> [Int64] in
            let writer = FlagWriter(connection: connection, campaignID: campaignID)
            let day = APIWorld.wednesday
            var ids: [Int64] = []
            for minute in 0..<5 { ids.append(try writer.answer(unitID: unit, at: ReportFixture.at(day, 5, minute))) }
            for minute in 0..<2 { try writer.answer(unitID: unit, at: ReportFixture.at(day, 9, minute)) }
            return ids
        }
        #expect(await world.app.environment.flagScanner.scan() == 5)
        return (world, flagged)
    }

    @Test func provinceReviewsWhatADistrictOnlyReads() async throws {
        let (world, flagged) = try await Self.world()
        let app = world.app
        let campaign = world.campaignID
        let list = SiteRoute.unitFlags(campaign: campaign, unit: "07201").path
        let province = try await app.signIn("tinh24")
        let page = await app.get(list, as: province)
        #expect(page.status == .ok)
        let table = try #require(page.document.table(withHeader: "Lý do"))
        #expect(table.rows.count == 5)
        #expect(table.column("Số phiếu") == flagged.reversed().map(String.init))
        #expect(table.column("Thời điểm gửi")?.first == "05:04:00 12/06/2024")
        #expect(table.column("Lý do")?.allSatisfy { $0.hasPrefix("ngoài giờ làm việc") } == true)
        #expect(table.column("Trạng thái")?.allSatisfy { $0 == "chưa xem xét" } == true)
        #expect(!page.text.contains("net-"), "no network hash on the page")
        let review = SiteRoute.reviewFlag(campaign: campaign, unit: "07201", response: flagged[0]).path
        #expect(page.document.forms.filter { $0.action == review }.count == 2)

        let district = try await app.signIn("huyen213")
        let read = await app.get(list, as: district)
        #expect(read.status == .ok)
        #expect(read.document.table(withHeader: "Lý do")?.rows.count == 5)
        #expect(read.document.forms.allSatisfy { $0.action?.contains("/flags/") != true })
        #expect(read.document.table(withHeader: "Lý do")?.headers.contains("Xem xét") == false)

        let answersBefore = try await app.scalar(
            "SELECT answers FROM unit_totals WHERE campaign_id = ? AND unit_id = ?",
            [campaign, try await world.unitID("07201")])
        let confirmed = await app.post(review, form: [("action", "confirm")], as: province, csrf: province.csrf)
        #expect(confirmed.status == .seeOther)
        #expect(confirmed.location == list + "?da-luu=1")
        let answersAfter = try await app.scalar(
            "SELECT answers FROM unit_totals WHERE campaign_id = ? AND unit_id = ?",
            [campaign, try await world.unitID("07201")])
        #expect(answersAfter == answersBefore - 1)
        let after = await app.get(confirmed.location ?? list, as: province)
        #expect(after.document.text.contains("Đã lưu."))
        #expect(
            after.document.table(withHeader: "Lý do")?.row(where: "Số phiếu", is: String(flagged[0]))?["Trạng thái"]
                == "đã xác nhận (không tính)")
        #expect(try await app.auditActions().last == "flag_confirm")

        let bogus = await app.post(review, form: [("action", "delete")], as: province, csrf: province.csrf)
        #expect(bogus.status == .badRequest)
        let honest = Int64(try await app.scalar("SELECT max(id) FROM responses"))
        let notFlagged = await app.post(
            SiteRoute.reviewFlag(campaign: campaign, unit: "07201", response: honest).path,
            form: [("action", "confirm")], as: province, csrf: province.csrf)
        #expect(notFlagged.status == .notFound)
        // Another district's commune is out of a district's reach.
        let huyen215 = try await app.signIn("huyen215")
        #expect(await app.get(list, as: huyen215).status == .forbidden)
        await world.close()
    }

    @Test func dashboardAndUnitPageSayWhatIsFlagged() async throws {
        let (world, flagged) = try await Self.world()
        let app = world.app
        let province = try await app.signIn("tinh24")
        let dashboard = await app.get(SiteRoute.dashboard(campaign: world.campaignID).path, as: province)
        let units = try #require(dashboard.document.table(withHeader: "Gắn cờ"))
        let row = try #require(units.row(where: "Mã", is: "07201"))
        #expect(row["Gắn cờ"] == "5 · ngoài giờ làm việc")
        #expect(row["Hài lòng"]?.hasSuffix("(gồm 5 phiếu bị gắn cờ chưa xác nhận)") == true)
        #expect(units.row(where: "Mã", is: "07204")?["Gắn cờ"] == "0")
        #expect(
            dashboard.document.text.contains("Phiếu bị gắn cờ: 5 chưa xác nhận (vẫn tính) · 0 đã xác nhận (không tính)")
        )
        #expect(dashboard.document.text.contains("Số trả lời và tỷ lệ hài lòng (gồm 5 phiếu bị gắn cờ chưa xác nhận)."))
        _ = try await app.pool.write { connection in
            try FlagStore(connection).review(
                responseID: flagged[0], campaignID: world.campaignID, unitID: try world.unitIDSync(connection, "07201"),
                to: .confirmed, by: ReportFixture.user(1, role: .province), now: 0)
        }
        app.environment.counterCache.forget()
        let after = await app.get(SiteRoute.dashboard(campaign: world.campaignID).path, as: province)
        let afterRow = try #require(after.document.table(withHeader: "Gắn cờ")?.row(where: "Mã", is: "07201"))
        #expect(afterRow["Gắn cờ"] == "5 (1 đã xác nhận) · ngoài giờ làm việc")
        let print = await app.get(SiteRoute.printReport(campaign: world.campaignID).path, as: province)
        #expect(print.text.contains("Tỷ lệ hài lòng và số phiếu gồm 4 phiếu bị gắn cờ chưa xác nhận."))
        let unitPage = await app.get(
            SiteRoute.campaignUnit(campaign: world.campaignID, unit: "07201").path, as: province)
        #expect(unitPage.text.contains("gồm 4 phiếu bị gắn cờ chưa xác nhận"))
        #expect(
            unitPage.document.link(text: "Phiếu bị gắn cờ (5)")?.href
                == SiteRoute.unitFlags(campaign: world.campaignID, unit: "07201").path)
        await world.close()
    }

    @Test func apiListsFlagsAndCountsThemPerCommune() async throws {
        let (world, flagged) = try await Self.world()
        let path = SiteRoute.apiFlags(campaign: world.campaignID).path
        let response = await world.get(path + "?unit=07201", as: "tinh24")
        #expect(response.status == .ok)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
        #expect(items.count == 5)
        #expect(Set(items[0].keys) == ["id", "submitted_at", "fill_seconds", "reasons", "state"])
        #expect(
            response.text.hasPrefix(
                #"[{"fill_seconds":240,"id":\#(flagged[4]),"reasons":["off_hours"],"state":"open","submitted_at":"2024-06-12T05:04:00+07:00"}"#
            ))
        #expect(await world.get(path + "?unit=07201", as: "huyen213").status == .ok)
        #expect(await world.get(path + "?unit=07243", as: "huyen213").status == .forbidden)
        #expect(await world.get(path + "?unit=07201", as: "xa07201").status == .forbidden)
        #expect(await world.get(path + "?unit=99999", as: "tinh24").status == .notFound)
        let missing = await world.get(path, as: "tinh24")
        #expect(missing.status == .badRequest)
        #expect(missing.text.contains(#""error":"bad_request""#))

        let communes = await world.get(SiteRoute.apiCommunes(campaign: world.campaignID).path, as: "tinh24")
        #expect(communes.text.contains(#""code":"07201","district":"213","flagged":5,"flagged_confirmed":0,"name""#))
        #expect(communes.text.contains(#""code":"07204","district":"213","flagged":0,"flagged_confirmed":0,"name""#))
        await world.close()
    }
}

extension APIWorld {
    func unitIDSync(_ connection: Connection, _ code: String) throws -> Int64 {
        guard let setID = try UnitStore(connection).unitSetID(inForceOn: app.clock.today),
            let unit = try UnitStore(connection).unit(code: code, inSet: setID)
        else { throw CampaignStoreError(description: "no unit \(code)") }
        return unit.id
    }
}
