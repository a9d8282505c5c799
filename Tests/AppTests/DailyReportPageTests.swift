import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// The daily report page read as a form: where it posts, each field by name with its limits, what a filed report
/// puts back in the fields, and each refusal shown by the field it is about.
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
        let path = SiteRoute.dailyReport(campaign: app.demoCampaignID).path
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
        #expect(document.links.contains { $0.href == SiteRoute.dashboard(campaign: app.demoCampaignID).path })

        // Filed, the page says so and starts from the report, so a correction changes only what is wrong.
        let filed = await app.post(path, form: ConsoleTests.report, as: commune, csrf: commune.csrf)
        #expect(filed.status == .seeOther)
        let location = try #require(filed.location)
        #expect(location == SiteRoute.dailyReport(campaign: app.demoCampaignID).href([("saved", "1")]))
        let saved = await app.get(location, as: commune).document
        let status = saved.elements(tag: "p").first { $0["role"] == "status" }
        #expect(status?.text == "Đã lưu báo cáo (lần 1).")
        #expect(
            saved.elements(tag: "p", class: "summary").first?.text
                == "Đơn vị đã gửi báo cáo hôm nay (lần 1). Có thể sửa và gửi lại trong khung giờ.")
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
        let path = SiteRoute.dailyReport(campaign: app.demoCampaignID).path
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
        #expect(refused.document.element(id: "e-visitors")?.hasClass("error") == true)
        #expect(Self.numbers.map { form.field($0)?.value } == ["-1", "abc", "", "3"], "what was typed is kept")
        #expect(form.field("difficulties")?.value == "Ổn")
        #expect(form.field("csrf")?.value == commune.csrf)
        #expect(refused.document.elements(tag: "p", class: "summary").first?["role"] == "alert")
        #expect(try await app.scalar("SELECT count(*) FROM unit_daily_reports") == 0)
        await app.close()
    }
}
