import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Issue 15: a commune lists its helpers on duty by its district's deadline; the district sees who is missing it.
@Suite struct RosterTests {
    @Test func districtSetsTheDeadlineAndSeesWhoIsMissingIt() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let district = try await app.signIn("huyen213")
        let commune = try await app.signIn("xa07201")
        let today = app.clock.today
        let roster = SiteRoute.roster.path

        // No deadline yet: nobody is missing, the commune is told so.
        #expect(await app.get(roster, as: commune).document.text.contains("Huyện chưa đặt hạn nộp danh sách"))
        let bad = await app.post(
            SiteRoute.rosterDeadline.path, form: [("due_on", "31/02")], as: district, csrf: district.csrf)
        #expect(bad.status == .unprocessableContent)
        let set = await app.post(
            SiteRoute.rosterDeadline.path, form: [("due_on", today.iso)], as: district, csrf: district.csrf)
        #expect(set.status == .seeOther)
        #expect(await app.get(roster, as: commune).document.text.contains("Hạn nộp danh sách: \(today.vietnamese)"))

        // The commune lists one person; an empty name is refused beside its field.
        let empty = await app.post(
            roster, form: [("name", " "), ("organisation", "Đoàn Thanh niên"), ("days", "Thứ Hai")], as: commune,
            csrf: commune.csrf)
        #expect(empty.status == .unprocessableContent)
        #expect(empty.document.text.contains("Vui lòng nhập họ và tên"))
        let added = await app.post(
            roster,
            form: [("name", "Nguyễn Thị Lan"), ("organisation", "Đoàn Thanh niên"), ("days", "Thứ Hai, Thứ Tư")],
            as: commune, csrf: commune.csrf)
        #expect(added.status == .seeOther)

        let districtID = try await app.pool.read { try #require(try UnitStore($0).resolve(code: "213", on: today)).id }
        func statuses(_ day: LocalDate) async throws -> [String: CommuneRoster.Status] {
            try await app.pool.read { connection in
                let store = RosterStore(connection)
                let deadline = try store.deadline(districtID: districtID)
                return Dictionary(
                    uniqueKeysWithValues: try store.communes(districtID: districtID, deadline: deadline, today: day)
                        .map { ($0.unit.code, $0.status) })
            }
        }
        let onTheDay = try await statuses(today)
        #expect(onTheDay["07201"] == .listed)
        #expect(onTheDay.count > 1)
        #expect(onTheDay.filter { $0.key != "07201" }.values.allSatisfy { $0 == .pending })
        let after = try await statuses(today.adding(days: 1))
        #expect(after["07201"] == .listed)
        #expect(after.filter { $0.key != "07201" }.values.allSatisfy { $0 == .missing })

        // A deadline moved to yesterday: the commune's list came late, the others are missing now.
        #expect(
            await app.post(
                SiteRoute.rosterDeadline.path, form: [("due_on", today.adding(days: -1).iso)], as: district,
                csrf: district.csrf
            ).status == .seeOther)
        let page = await app.get(roster, as: district)
        #expect(page.status == .ok)
        let text = page.document.text
        #expect(text.contains("Nộp muộn"))
        #expect(text.contains("Nguyễn Thị Lan – Đoàn Thanh niên – Thứ Hai, Thứ Tư"))
        #expect(text.contains("\(after.count - 1) xã quá hạn chưa nộp danh sách"))
        #expect(text.contains("Quá hạn, chưa nộp"))

        // The province reads the district's list; other roles cannot do each other's part.
        let province = try await app.signIn("tinh24")
        let provincePage = await app.get(SiteRoute.roster.href([("district", "213")]), as: province)
        #expect(provincePage.document.text.contains("Nguyễn Thị Lan"))
        #expect(
            await app.post(
                roster, form: [("name", "A"), ("organisation", "B"), ("days", "C")], as: district, csrf: district.csrf
            ).status == .forbidden)
        #expect(
            await app.post(
                SiteRoute.rosterDeadline.path, form: [("due_on", today.iso)], as: commune, csrf: commune.csrf
            ).status == .forbidden)
        await app.close()
    }

    @Test func aCommuneRemovesOnlyItsOwnPeople() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let commune = try await app.signIn("xa07201")
        let own = try await app.addRosterEntry(code: "07201", as: "xa07201")
        let other = try await app.addRosterEntry(code: "07243", as: "xa07243", name: "Lê Văn Hùng")
        let refused = await app.post(
            SiteRoute.removeRosterEntry(entry: other).path, form: [], as: commune, csrf: commune.csrf)
        #expect(refused.status == .forbidden)
        let removed = await app.post(
            SiteRoute.removeRosterEntry(entry: own).path, form: [], as: commune, csrf: commune.csrf)
        #expect(removed.status == .seeOther)
        let left = try await app.pool.read { connection in
            try [own, other].map { try RosterStore(connection).unitID(ofEntry: $0) != nil }
        }
        #expect(left == [false, true])
        await app.close()
    }

    @Test func statusAgainstTheDeadline() {
        let deadline = LocalDate(iso: "2026-06-10")!
        let onTime = RosterEntry(
            id: 1, unitID: 1, name: "A", organisation: "B", days: "C",
            addedAt: VietnamTime.instant(deadline, hour: 23, minute: 59))
        let late = RosterEntry(
            id: 2, unitID: 1, name: "A", organisation: "B", days: "C",
            addedAt: VietnamTime.instant(deadline.adding(days: 1), hour: 0, minute: 1))
        #expect(RosterStore.status(entries: [onTime], deadline: deadline, today: deadline.adding(days: 5)) == .listed)
        #expect(RosterStore.status(entries: [late], deadline: deadline, today: deadline.adding(days: 5)) == .late)
        #expect(RosterStore.status(entries: [], deadline: deadline, today: deadline) == .pending)
        #expect(RosterStore.status(entries: [], deadline: deadline, today: deadline.adding(days: 1)) == .missing)
        #expect(RosterStore.status(entries: [], deadline: nil, today: deadline) == .pending)
        #expect(RosterStore.status(entries: [late], deadline: nil, today: deadline) == .listed)
    }
}
