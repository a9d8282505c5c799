import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The unit's daily report page (`/admin/report`) read as a form: where it posts, each field by name with its
/// limits, what a filed report puts back in the fields, each refusal shown by the field it is about, the form
/// read-only outside the window, and the campaign's old address sending there.
@Suite struct DailyReportPageTests {
    static let numbers = ["visitors", "guided", "staff_on_duty", "volunteers"]

    func at(_ app: TestApp, _ hour: Int, _ minute: Int) {
        app.clock.set(Double(VietnamTime.instant(ConsoleTests.day, hour: hour, minute: minute)))
    }

    @Test func theFormPostsEveryFieldByName() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 16, 40)
        let commune = try await app.signIn("xa07201")
        let path = SiteRoute.unitReport.path
        let old = await app.get(SiteRoute.dailyReport(campaign: app.demoCampaignID).path, as: commune)
        #expect(old.status == .seeOther && old.location == path, "old bookmarks land on the unit's report")
        let page = await app.get(path, as: commune)
        #expect(page.status == .ok)
        let document = page.document
        #expect(document.headings(1) == ["Báo cáo ngày 12/06/2024"])
        #expect(
            document.texts(of: "p", class: "ok")
                == ["Đang trong khung giờ báo cáo 16:30–17:00. Bây giờ là 16:40:00; còn 20 phút."])

        let form = try #require(document.form(action: path))
        #expect(form.method == "post")
        #expect(
            form.names == ["csrf"] + Self.numbers + Array(repeating: "publicity", count: 5)
                + ["difficulties", "proposals"])
        #expect(form.field("csrf")?.type == "hidden")
        #expect(form.field("csrf")?.value == commune.csrf)
        #expect(form.field("date") == nil, "today's report needs no date")
        for name in Self.numbers {
            let field = try #require(form.field(name))
            #expect(field.type == "number", "\(name)")
            #expect(field.isRequired, "\(name)")
            #expect(field.min == "0" && field.max == String(DailyReportDraft.maxCount), "\(name)")
            #expect(field.value == "", "\(name) starts empty")
            #expect(form.error(for: name) == nil)
        }
        let channels = form.fields(named: "publicity")
        #expect(channels.allSatisfy { $0.type == "checkbox" && !$0.isChecked })
        #expect(channels.map(\.value) == PublicityChannel.allCases.map(\.rawValue))
        for name in ["difficulties", "proposals"] {
            #expect(form.field(name)?.type == "textarea")
            #expect(form.field(name)?.maxLength == DailyReportDraft.maxTextLength)
        }
        #expect(form.element.elements(tag: "button").map(\.text) == ["Gửi báo cáo"])
        #expect(form.element.elements(tag: "fieldset").first?["disabled"] == nil)
        #expect(document.links.contains { $0.href == SiteRoute.dashboard(campaign: app.demoCampaignID).path })

        // Filed, the page says so and starts from the report, so a correction changes only what is wrong.
        let filed = await app.post(path, form: ConsoleTests.report, as: commune, csrf: commune.csrf)
        #expect(filed.status == .seeOther)
        let location = try #require(filed.location)
        #expect(location == SiteRoute.unitReport.href([("saved", "1")]))
        let saved = await app.get(location, as: commune).document
        let status = saved.elements(tag: "p").first { $0["role"] == "status" }
        #expect(status?.text == "Đã lưu báo cáo ngày 12/06/2024 (lần 1).")
        #expect(status?.hasClass("ok") == true, "success looks like success")
        #expect(
            saved.texts(of: "p", class: "note")
                == ["Đơn vị đã gửi báo cáo ngày này (lần 1, lúc 16:40 12/06/2024). Có thể sửa và gửi lại."])
        let again = try #require(saved.form(action: path))
        #expect(Self.numbers.map { again.field($0)?.value } == ["12", "10", "2", "3"])
        #expect(again.fields(named: "publicity").filter(\.isChecked).map(\.value) == ["niem_yet", "loa"])
        #expect(again.field("difficulties")?.value == "Mất điện buổi chiều")
        #expect(again.field("proposals")?.value == "")
        await app.close()
    }

    @Test func aRefusedReportShowsEachMessageByItsField() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 16, 40)
        let commune = try await app.signIn("xa07201")
        let path = SiteRoute.unitReport.path
        let bad = [
            ("visitors", "-1"), ("guided", "abc"), ("staff_on_duty", ""), ("volunteers", "3"),
            ("publicity", "tivi"), ("difficulties", "Ổn"), ("proposals", ""),
        ]
        let refused = await app.post(path, form: bad, as: commune, csrf: commune.csrf)
        #expect(refused.status == .unprocessableContent)
        let form = try #require(refused.document.form(action: path))
        #expect(form.error(for: "visitors") == "Số người đến giao dịch phải là số nguyên từ 0 đến 100000.")
        #expect(form.error(for: "guided") == "Số người được hướng dẫn trả lời phiếu phải là số nguyên từ 0 đến 100000.")
        #expect(form.error(for: "staff_on_duty") == "Vui lòng nhập số cán bộ trực.")
        #expect(form.error(for: "volunteers") == nil, "a good field carries no message")
        #expect(form.error(for: "publicity") == "Hình thức tuyên truyền không hợp lệ, vui lòng chọn lại.")
        #expect(form.error(for: "difficulties") == nil)
        let message = try #require(refused.document.element(id: "e-visitors"))
        #expect(message.hasClass("error") && message.tag == "span", "a span inside the field's paragraph")
        #expect(form.field("visitors")?.element["aria-describedby"] == "e-visitors")
        #expect(form.field("volunteers")?.element["aria-describedby"] == nil)
        #expect(Self.numbers.map { form.field($0)?.value } == ["-1", "abc", "", "3"], "what was typed is kept")
        #expect(form.field("difficulties")?.value == "Ổn")
        #expect(form.field("csrf")?.value == commune.csrf)
        #expect(refused.document.elements(tag: "p", class: "summary").first?["role"] == "alert")
        #expect(try await app.scalar("SELECT count(*) FROM unit_daily_reports") == 0)
        await app.close()
    }

    @Test func peopleGuidedCannotExceedVisitors() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 16, 40)
        let commune = try await app.signIn("xa07201")
        let path = SiteRoute.unitReport.path
        var report = ConsoleTests.report.filter { $0.0 != "guided" }
        report.append(("guided", "13"))
        let refused = await app.post(path, form: report, as: commune, csrf: commune.csrf)
        #expect(refused.status == .unprocessableContent)
        let form = try #require(refused.document.form(action: path))
        #expect(
            form.error(for: "guided")
                == "Số người được hướng dẫn (13) không thể lớn hơn số người đến giao dịch (12).")
        #expect(form.error(for: "visitors") == nil)
        // At the edge: as many guided as visitors is fine.
        report.removeLast()
        report.append(("guided", "12"))
        #expect(await app.post(path, form: report, as: commune, csrf: commune.csrf).status == .seeOther)
        await app.close()
    }

    @Test func afterTheWindowTheFormIsReadOnlyAndSaysWhenTheNextOpens() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        at(app, 16, 50)
        let commune = try await app.signIn("xa07201")
        let path = SiteRoute.unitReport.path
        #expect(await app.post(path, form: ConsoleTests.report, as: commune, csrf: commune.csrf).status == .seeOther)
        at(app, 17, 0)
        let response = await app.get(path, as: commune)
        #expect(response.status == .ok)
        let page = response.document
        #expect(
            page.texts(of: "p", class: "warn")
                == [
                    "Đã hết giờ nhận báo cáo hôm nay (16:30–17:00); bây giờ là 17:00:00. Khung giờ tiếp theo mở lúc 16:30 ngày 13/06/2024 (còn 23 giờ 30 phút). Biểu mẫu chỉ để xem; nếu cần nộp muộn, hãy đề nghị cấp huyện mở nhập muộn."
                ])
        let form = try #require(page.form(action: path))
        #expect(form.element.elements(tag: "fieldset").first?["disabled"] != nil, "read-only")
        #expect(form.element.elements(tag: "button").isEmpty)
        #expect(form.field("visitors")?.value == "12", "what was filed is shown")
        at(app, 16, 29)
        let before = await app.get(path, as: commune).document
        #expect(
            before.texts(of: "p", class: "warn")
                == [
                    "Chưa đến giờ báo cáo. Khung giờ báo cáo hôm nay mở lúc 16:30 (còn 1 phút); bây giờ là 16:29:00. Có thể điền trước và gửi khi đến giờ."
                ])
        #expect(before.form(action: path)?.element.elements(tag: "button").map(\.text) == ["Gửi báo cáo"])
        await app.close()
    }
}
