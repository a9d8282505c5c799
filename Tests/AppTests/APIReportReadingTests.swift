import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Issue 16: the reading of the communes' daily reports through the API (`/api/v1/reports`, `/api/v1/reports/{code}/
/// {date}`), over APIWorld (today Wednesday 12/06/2024 10:00): the rows and the day the reading pages show, their
/// scope (a district its own communes, the province all, a commune only its own day) and refusals as JSON.
@Suite struct APIReportReadingTests {
    static let monday = APIWorld.monday

    /// Monday: 07201 files at 16:45 (10 visitors), the district replies at 16:47, 07201 corrects at 16:50 (12
    /// visitors, a difficulty); 07204 files nothing but sends a photo; 07243 (district 215) files 2.
    static func fill(_ world: APIWorld) async throws {
        try await world.file("07201", on: monday, visitors: 10)
        try await reply(world, "07201", "Huyện đã nhận, sẽ hỗ trợ thêm ghế.", at: 16, 47)
        try await correct(world, "07201", visitors: 12, difficulties: "Máy tính bảng hết pin", at: 16, 50)
        try await world.app.addReportPhoto(code: "07204", date: monday, as: "huyen213")
        try await world.file("07243", on: monday, visitors: 2)
    }

    static func correct(
        _ world: APIWorld, _ code: String, visitors: Int, difficulties: String, at hour: Int, _ minute: Int
    )
        async throws
    {
        let draft = DailyReportDraft(
            campaignID: world.campaignID, unitID: try await world.unitID(code), date: monday, visitors: visitors,
            guided: 4, staffOnDuty: 2, volunteers: 1, publicity: [.loudspeaker, .noticeBoard],
            difficulties: difficulties)
        let now = VietnamTime.instant(monday, hour: hour, minute: minute)
        try await world.app.pool.write {
            _ = try DailyReportStore($0).submit(draft, by: ReportFixture.user(1), now: now)
        }
    }

    static func reply(_ world: APIWorld, _ code: String, _ text: String, at hour: Int, _ minute: Int) async throws {
        let user = try await world.app.authenticated("huyen213")
        let unitID = try await world.unitID(code)
        let now = VietnamTime.instant(monday, hour: hour, minute: minute)
        try await world.app.pool.write {
            try ReportReadingStore($0).reply(unitID: unitID, date: monday, body: text, by: user, now: now)
        }
    }

    static func row(_ rows: [[String: Any]], _ code: String) throws -> [String: Any] {
        try #require(rows.first { $0["code"] as? String == code }, "\(code)")
    }

    @Test func theListIsTheReadingPageAsJSON() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        let target = SiteRoute.apiCommuneReports.href([("date", Self.monday.iso)])
        let response = await world.get(target, as: "huyen213")
        #expect(response.status == .ok)
        #expect(response.headers["Cache-Control"] == APIList.cacheControl, "a list")
        let rows = try APIFiguresTests.array(response)
        #expect(Set(rows.compactMap { $0["district"] as? String }) == ["213"], "a district reads its own communes")
        #expect(rows.allSatisfy { $0["date"] as? String == Self.monday.iso })
        let filed = try Self.row(rows, "07201")
        #expect(filed["status"] as? String == "dung_gio")
        #expect(filed["filed_at"] as? String == "2024-06-10T16:50:00+07:00")
        #expect(filed["versions"] as? Int == 2)
        #expect(filed["replies"] as? Int == 1)
        #expect(filed["photos"] as? Int == 0)
        let report = try #require(filed["report"] as? [String: Any])
        #expect(report["visitors"] as? Int == 12)
        #expect(report["guided"] as? Int == 4)
        #expect(report["difficulties"] as? String == "Máy tính bảng hết pin")
        #expect(report["publicity"] as? [String] == ["niem_yet", "loa"])
        let photoOnly = try Self.row(rows, "07204")
        #expect(photoOnly["status"] as? String == "chua_bao_cao")
        #expect(photoOnly["photos"] as? Int == 1)
        for key in ["filed_at", "versions", "report"] { #expect(photoOnly[key] is NSNull, "\(key)") }

        // The page counts the same rows and reports.
        let browser = try await world.app.signIn("huyen213")
        let page = await world.app.get(SiteRoute.communeReports.href([("date", Self.monday.iso)]), as: browser)
        let filedCount = rows.count { $0["status"] as? String != "chua_bao_cao" }
        #expect(filedCount == 1)
        #expect(page.document.text.contains("\(filedCount)/\(rows.count) xã đã nộp báo cáo ngày"))
        #expect(page.document.text.contains("Đúng hạn, 16:50, lần 2"))
        #expect(page.document.text.contains("0 ảnh, 1 phản hồi"))
        #expect(page.document.text.contains("Chưa nộp (1 ảnh)"))

        // The province reads every district, or one; it reads 213 as the district does.
        let province = try APIFiguresTests.array(await world.get(target, as: "tinh24"))
        #expect(try Self.row(province, "07243")["status"] as? String == "dung_gio")
        #expect(province.count > rows.count)
        let narrowed = await world.get(
            SiteRoute.apiCommuneReports.href([("date", Self.monday.iso), ("district", "213")]), as: "tinh24")
        #expect(narrowed.text == response.text)
        // Without a date: today's (nothing filed yet).
        let today = try APIFiguresTests.array(await world.get(SiteRoute.apiCommuneReports.path, as: "huyen213"))
        #expect(today.count == rows.count)
        #expect(today.allSatisfy { $0["date"] as? String == APIWorld.wednesday.iso && $0["report"] is NSNull })
        let emptyDate = await world.get(SiteRoute.apiCommuneReports.path + "?date=", as: "huyen213")
        #expect(try APIFiguresTests.array(emptyDate).count == today.count, "an empty date is no date, as on the page")
        await world.close()
    }

    @Test func theListRefusesAsThePageDoes() async throws {
        let world = try await APIWorld()
        for (target, user, status, code) in [
            (
                SiteRoute.apiCommuneReports.href([("date", "2024-02-30")]), "huyen213", HTTPStatus.badRequest,
                "bad_request"
            ),
            (SiteRoute.apiCommuneReports.href([("date", "12/06/2024")]), "tinh24", .badRequest, "bad_request"),
            (SiteRoute.apiCommuneReports.href([("district", "215")]), "huyen213", .forbidden, "forbidden"),
            (SiteRoute.apiCommuneReports.href([("district", "999")]), "tinh24", .notFound, "unit_not_found"),
            (SiteRoute.apiCommuneReports.path, "xa07201", .forbidden, "forbidden"),
        ] {
            let refused = await world.get(target, as: user)
            #expect(refused.status == status, "\(target) \(user)")
            let body = try APIErrorBody(refused)
            #expect(body.error == code, "\(target) \(user)")
            #expect(!body.message.isEmpty)
        }
        await world.close()
    }

    @Test func theListPagesAndRevalidates() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        let target = SiteRoute.apiCommuneReports.href([("date", Self.monday.iso)])
        let total = try await APIListPaging.checkPaging(world, target, as: "tinh24")
        #expect(total > 4)
        try await APIListPaging.checkPaging(world, target, as: "huyen213", limits: [1, 2])
        // A cursor of one day's list is refused on another day's.
        let first = await world.get(APIListPaging.adding("limit=1", to: target), as: "tinh24")
        let next = try #require(try APIListPaging.nextTarget(first))
        let cursor = try #require(APIListPaging.value("cursor", in: next))
        let otherDay = SiteRoute.apiCommuneReports.href([
            ("date", APIWorld.tuesday.iso), ("limit", "1"), ("cursor", cursor),
        ])
        #expect(try APIErrorBody(await world.get(otherDay, as: "tinh24")).error == "invalid_cursor")

        let tag = try await world.etag(target, as: "huyen213")
        let same = await world.get(target, as: "huyen213", headers: [("If-None-Match", tag)])
        #expect(same.status == .notModified)
        #expect(same.body.isEmpty)
        try await Self.reply(world, "07201", "Thêm một phản hồi.", at: 18, 0)
        #expect(try await world.etag(target, as: "huyen213") != tag, "a new reply changes the list")
        await world.close()
    }

    @Test func oneDayIsTheReadingPageAsJSON() async throws {
        let world = try await APIWorld()
        try await Self.fill(world)
        let photo = try await world.app.addReportPhoto(code: "07201", date: Self.monday, as: "xa07201")
        let path = SiteRoute.apiCommuneReport(unit: "07201", date: Self.monday.iso).path
        let response = await world.get(path, as: "huyen213")
        #expect(response.status == .ok)
        #expect(response.headers["Cache-Control"] == "no-store")
        let day = try APIFiguresTests.object(response)
        #expect(day["code"] as? String == "07201")
        #expect(day["status"] as? String == "dung_gio")
        #expect(day["current_version"] as? Int == 2)
        let versions = try #require(day["versions"] as? [[String: Any]])
        #expect(versions.compactMap { $0["version"] as? Int } == [1, 2])
        #expect(versions.compactMap { $0["visitors"] as? Int } == [10, 12])
        #expect(
            versions.compactMap { $0["filed_at"] as? String } == [
                "2024-06-10T16:45:00+07:00", "2024-06-10T16:50:00+07:00",
            ])
        #expect(versions.allSatisfy { $0["on_time"] as? Bool == true && $0["late_entry"] as? Bool == false })
        let replies = try #require(day["replies"] as? [[String: Any]])
        let reply = try #require(replies.first)
        #expect(replies.count == 1)
        #expect(reply["text"] as? String == "Huyện đã nhận, sẽ hỗ trợ thêm ghế.")
        #expect(reply["version"] as? Int == 1)
        #expect(reply["corrected_after"] as? Bool == true, "the report was corrected after the reply")
        #expect(reply["unit_code"] as? String == "213")
        #expect(reply["role"] as? String == "district")
        #expect(reply["username"] as? String == "huyen213")
        #expect(reply["replied_at"] as? String == "2024-06-10T16:47:00+07:00")
        let photos = try #require(day["photos"] as? [[String: Any]])
        let photoURL = SiteRoute.reportPhoto(unit: "07201", date: Self.monday.iso, photo: photo).path
        #expect(photos.compactMap { $0["url"] as? String } == [photoURL])
        #expect(photos.first?["media_type"] as? String == "image/png")

        // The page shows the same versions, reply and photo; the photo's address serves it to a console session.
        let browser = try await world.app.signIn("huyen213")
        let page = await world.app.get(SiteRoute.communeReport(unit: "07201", date: Self.monday.iso).path, as: browser)
        #expect(page.document.text.contains("Các lần nộp (\(versions.count))"))
        #expect(page.document.text.contains("Báo cáo đã được sửa sau phản hồi này"))
        #expect(page.text.contains("src=\"\(photoURL)\""))
        #expect(await world.app.get(photoURL, as: browser).status == .ok)

        // The commune reads its own day; the province too; nobody else.
        #expect(await world.get(path, as: "xa07201").text == response.text)
        #expect(await world.get(path, as: "tinh24").text == response.text)
        for user in ["huyen215", "xa07243"] {
            let refused = await world.get(path, as: user)
            #expect(refused.status == .forbidden, "\(user)")
            #expect(try APIErrorBody(refused).error == "forbidden")
        }
        await world.close()
    }

    @Test func aDayWithoutAReportAndBadAddresses() async throws {
        let world = try await APIWorld()
        let empty = await world.get(
            SiteRoute.apiCommuneReport(unit: "07207", date: Self.monday.iso).path, as: "huyen213")
        #expect(empty.status == .ok)
        #expect(
            empty.text
                == #"{"code":"07207","current_version":null,"date":"2024-06-10","filed_at":null,"name":"\#(try await Self.name(world, "07207"))","photos":[],"replies":[],"status":"chua_bao_cao","versions":[]}"#
        )
        for (code, date) in [("99999", Self.monday.iso), ("07201", "2024-02-30"), ("07201", "hom-nay")] {
            let refused = await world.get(SiteRoute.apiCommuneReport(unit: code, date: date).path, as: "tinh24")
            #expect(refused.status == .notFound, "\(code) \(date)")
            #expect(!(try APIErrorBody(refused).message.isEmpty))
        }
        await world.close()
    }

    static func name(_ world: APIWorld, _ code: String) async throws -> String {
        let id = try await world.unitID(code)
        return try await world.app.pool.read { try #require(try UnitStore($0).unit(id: id)).name }
    }
}
