import HTTP
import Survey
import Testing
import Uploads

@testable import App
@testable import Store

/// Issue 15: a district reads what its communes report (contents and every version), only its own communes, and its
/// reply reaches the commune; photos of the day's outreach are JPEG or PNG by content, within a size and a count.
@Suite struct ReportReadingTests {
    /// In the daily report window of `ConsoleTests.day`, with the standard accounts signed in.
    struct World {
        let app: TestApp
        let district: Browser
        let commune: Browser
        let otherCommune: Browser
        let province: Browser

        init() async throws {
            app = try await TestApp()
            try await app.addStandardUsers()
            app.clock.set(Double(VietnamTime.instant(ConsoleTests.day, hour: 16, minute: 40)))
            district = try await app.signIn("huyen213")
            commune = try await app.signIn("xa07201")
            otherCommune = try await app.signIn("xa07243")
            province = try await app.signIn("tinh24")
        }

        var date: String { app.clock.today.iso }

        func file(_ browser: Browser, difficulties: String) async -> HTTPResponse {
            let form = ConsoleTests.report.map { $0.0 == "difficulties" ? ($0.0, difficulties) : $0 }
            return await app.post(SiteRoute.unitReport.path, form: form, as: browser, csrf: browser.csrf)
        }
    }

    @Test func districtReadsItsCommunesReportsWithVersionsAndOnlyItsOwn() async throws {
        let world = try await World()
        let app = world.app
        #expect(await world.file(world.commune, difficulties: "Mất điện buổi chiều").status == .seeOther)
        app.clock.advance(by: 300)
        #expect(await world.file(world.commune, difficulties: "Máy tính bảng hết pin").status == .seeOther)
        #expect(await world.file(world.otherCommune, difficulties: "Mưa lớn, ít người đến").status == .seeOther)

        let list = await app.get(SiteRoute.communeReports.href([("date", world.date)]), as: world.district)
        #expect(list.status == .ok)
        let own = SiteRoute.communeReport(unit: "07201", date: world.date).path
        let other = SiteRoute.communeReport(unit: "07243", date: world.date).path
        #expect(list.text.contains(own))
        #expect(list.text.contains("Máy tính bảng hết pin"))
        #expect(list.text.contains("lần 2"))
        #expect(!list.text.contains(other), "a district lists only its own communes")
        #expect(!list.text.contains("Mưa lớn"))

        let page = await app.get(own, as: world.district)
        #expect(page.status == .ok)
        let text = page.document.text
        #expect(text.contains("Các lần nộp (2)"))
        #expect(text.contains("Mất điện buổi chiều"), "the first version stays readable")
        #expect(text.contains("Máy tính bảng hết pin"))
        #expect(text.contains("Nộp lần 2"))

        #expect(await app.get(other, as: world.district).status == .forbidden)
        let provinceRead = await app.get(other, as: world.province)
        #expect(provinceRead.status == .ok)
        #expect(provinceRead.document.text.contains("Mưa lớn, ít người đến"))
        let provinceList = await app.get(SiteRoute.communeReports.href([("date", world.date)]), as: world.province)
        #expect(provinceList.text.contains(own) && provinceList.text.contains(other))
        #expect(await app.get(SiteRoute.communeReports.path, as: world.commune).status == .forbidden)
        await app.close()
    }

    @Test func aReplyReachesTheCommuneOnItsReportPageAndTodayBoard() async throws {
        let world = try await World()
        let app = world.app
        let reply = SiteRoute.replyToReport(unit: "07201", date: world.date).path
        let noReport = await app.post(
            reply, form: [("body", "Vì sao chưa nộp?")], as: world.district, csrf: world.district.csrf)
        #expect(noReport.status == .notFound, "nothing to reply to before the report")

        #expect(await world.file(world.commune, difficulties: "Thiếu ghế chờ").status == .seeOther)
        let empty = await app.post(reply, form: [("body", "  ")], as: world.district, csrf: world.district.csrf)
        #expect(empty.status == .unprocessableContent)
        #expect(empty.document.text.contains("Vui lòng nhập nội dung phản hồi"))
        let answer = "Huyện sẽ chuyển thêm 10 ghế trong tuần này."
        let sent = await app.post(reply, form: [("body", answer)], as: world.district, csrf: world.district.csrf)
        #expect(sent.status == .seeOther)
        #expect(sent.location?.hasPrefix(SiteRoute.communeReport(unit: "07201", date: world.date).path) == true)

        let reportPage = await app.get(SiteRoute.unitReport.path, as: world.commune)
        #expect(reportPage.document.text.contains(answer))
        let today = await app.get(SiteRoute.today.path, as: world.commune)
        #expect(today.document.text.contains(answer))
        let own = await app.get(SiteRoute.communeReport(unit: "07201", date: world.date).path, as: world.commune)
        #expect(own.status == .ok)
        #expect(own.document.text.contains(answer))
        #expect(own.document.form(action: reply) == nil, "a commune reads replies, it does not write them")

        let refused = await app.post(reply, form: [("body", "Tự trả lời")], as: world.commune, csrf: world.commune.csrf)
        #expect(refused.status == .forbidden)
        let otherDistrict = await app.post(
            SiteRoute.replyToReport(unit: "07243", date: world.date).path, form: [("body", "Không phải xã mình")],
            as: world.district, csrf: world.district.csrf)
        #expect(otherDistrict.status == .forbidden)
        // The other commune sees nothing of it.
        let otherToday = await app.get(SiteRoute.today.path, as: world.otherCommune)
        #expect(!otherToday.document.text.contains(answer))
        // A correction after the reply is marked as such.
        app.clock.advance(by: 60)
        #expect(await world.file(world.commune, difficulties: "Đã có ghế").status == .seeOther)
        let corrected = await app.get(SiteRoute.communeReport(unit: "07201", date: world.date).path, as: world.district)
        #expect(corrected.document.text.contains("Báo cáo đã được sửa sau phản hồi này"))
        await app.close()
    }

    @Test func photosAreJPEGOrPNGByContentWithinTheSizeAndCount() async throws {
        let world = try await World()
        let app = world.app
        let target = SiteRoute.reportPhotos.path
        let png = await app.upload(
            target, kind: "", fileName: "loa.png", type: "image/png", bytes: TestApp.pngBytes, as: world.commune)
        #expect(png.status == .seeOther)
        #expect(png.location?.hasPrefix(SiteRoute.unitReport.path) == true)
        // A PDF named .jpg and declared image/jpeg is refused by its content.
        let pdf = await app.upload(
            target, kind: "", fileName: "anh.jpg", type: "image/jpeg", bytes: TestApp.pdfBytes, as: world.commune)
        #expect(pdf.status == .unsupportedMediaType)
        #expect(pdf.document.text.contains("JPEG hoặc PNG"))
        let html = await app.upload(
            target, kind: "", fileName: "anh.png", type: "image/png", bytes: Array("<html><script>".utf8),
            as: world.commune)
        #expect(html.status == .unsupportedMediaType)
        let large = TestApp.jpegBytes + [UInt8](repeating: 0, count: ReportPhotoRules().maxFileBytes)
        let tooLarge = await app.upload(
            target, kind: "", fileName: "to.jpg", type: "image/jpeg", bytes: large, as: world.commune)
        #expect(tooLarge.status == .contentTooLarge)
        #expect(tooLarge.document.text.contains("Ảnh lớn quá 5 MB"))

        let photos = try await app.pool.read { connection in
            let unit = try #require(try UnitStore(connection).resolve(code: "07201", on: ConsoleTests.day))
            return try ReportReadingStore(connection).photos(unitID: unit.id, date: ConsoleTests.day)
        }
        #expect(photos.map(\.mediaType) == ["image/png"], "only the PNG was recorded")
        let photo = try #require(photos.first)
        let path = SiteRoute.reportPhoto(unit: "07201", date: world.date, photo: photo.id).path
        let served = await app.get(path, as: world.district)
        #expect(served.status == .ok)
        #expect(served.headers["Content-Type"] == "image/png")
        #expect(served.headers["X-Content-Type-Options"] == "nosniff")
        #expect(served.body == TestApp.pngBytes)
        #expect(await app.get(path, as: world.otherCommune).status == .forbidden)
        let huyen215 = try await app.signIn("huyen215")
        #expect(await app.get(path, as: huyen215).status == .forbidden)
        let readPage = await app.get(SiteRoute.communeReport(unit: "07201", date: world.date).path, as: world.district)
        #expect(readPage.text.contains("src=\"\(path)\""))

        // A JPEG goes in too; then the day fills up at five.
        let jpeg = await app.upload(
            target, kind: "", fileName: "hop.jpg", type: "image/jpeg", bytes: TestApp.jpegBytes, as: world.commune)
        #expect(jpeg.status == .seeOther)
        for _ in 0..<3 {
            let more = await app.upload(
                target, kind: "", fileName: "loa.png", type: "image/png", bytes: TestApp.pngBytes, as: world.commune)
            #expect(more.status == .seeOther)
        }
        let sixth = await app.upload(
            target, kind: "", fileName: "loa.png", type: "image/png", bytes: TestApp.pngBytes, as: world.commune)
        #expect(sixth.status == .conflict)
        #expect(sixth.document.text.contains("tối đa 5 ảnh"))
        // A past day without a report takes no photo.
        let past = await app.upload(
            SiteRoute.reportPhotos.href([("date", ConsoleTests.day.adding(days: -3).iso)]), kind: "",
            fileName: "loa.png", type: "image/png", bytes: TestApp.pngBytes, as: world.commune)
        #expect(past.status == .conflict)
        await app.close()
    }

    @Test func thePhotoLimitNeverExceedsTheServersUploadLimit() {
        let rules = ReportPhotoRules(perDay: 5, maxFileBytes: 5 * 1024 * 1024)
        #expect(rules.limits(under: UploadLimits(maxFileMegabytes: 20)).maxFileBytes == 5 * 1024 * 1024)
        #expect(rules.limits(under: UploadLimits(maxFileMegabytes: 2)).maxFileBytes == 2 * 1024 * 1024)
    }
}
