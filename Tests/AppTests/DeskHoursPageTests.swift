import Survey
import Testing

@testable import App
@testable import Store

/// The province's desk-hours form: shows the default, saves one line per weekday, keeps a bad entry with a 422,
/// returns to the default, and audits each change.
@Suite struct DeskHoursPageTests {
    @Test func provinceSetsAndResetsAUnitsHours() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let province = try await app.signIn("tinh24")
        let path = SiteRoute.unitDeskHours(unit: "07201").path
        let page = await app.get(path, as: province)
        #expect(page.status == .ok)
        #expect(page.text.contains("đang dùng giờ mặc định"))
        #expect(page.document.hiddenField("d1") == nil)
        #expect(page.text.contains(#"name="d1" value="07:00-11:30, 13:30-17:00""#))
        #expect(page.text.contains(#"name="d6" value="07:00-11:30""#))
        #expect(page.text.contains(#"name="d7" value="""#))

        var week = (1...5).map { ("d\($0)", "07:00-11:30, 13:30-17:00") }
        week.append(("d6", "07:00 - 11:30, 13:30-16:30"))
        let saved = await app.post(path, form: week, as: province, csrf: province.csrf)
        #expect(saved.status == .seeOther)
        #expect(saved.location == path + "?da-luu=1")
        let unitID = Int64(try await app.scalar("SELECT id FROM units WHERE code = '07201'"))
        let hours = try await app.pool.read { try DeskHoursStore($0).hours(unitID: unitID) }
        #expect(hours == DeskHours(text: "1-5=07:00-11:30,13:30-17:00;6=07:00-11:30,13:30-16:30"))
        let reloaded = await app.get(saved.location ?? path, as: province)
        #expect(reloaded.text.contains("Đã lưu giờ làm việc."))
        #expect(reloaded.text.contains("giờ riêng của đơn vị"))

        let bad = await app.post(path, form: [("d1", "11:30-07:00")], as: province, csrf: province.csrf)
        #expect(bad.status == .unprocessableContent)
        #expect(bad.text.contains(#"name="d1" value="11:30-07:00""#), "the entry is kept")
        #expect(try await app.pool.read { try DeskHoursStore($0).hours(unitID: unitID) } == hours)

        let reset = await app.post(path, form: [("default", "1")], as: province, csrf: province.csrf)
        #expect(reset.status == .seeOther)
        #expect(try await app.pool.read { try DeskHoursStore($0).hours(unitID: unitID) } == nil)
        #expect(try await app.auditActions().filter { $0 == "desk_hours_set" }.count == 2)
        #expect(await app.get(SiteRoute.unitDeskHours(unit: "99999").path, as: province).status == .notFound)
        await app.close()
    }
}
