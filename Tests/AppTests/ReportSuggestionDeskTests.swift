import Database
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

@Suite struct ReportSuggestionDeskTests {
    static func add(
        _ fixture: ReportFixture, _ code: String, _ text: String, on date: String,
        name: String? = nil
    ) throws -> Int64 {
        try SuggestionStore(fixture.connection).add(
            NewSuggestion(
                unitID: try fixture.unitID(code), topic: "Hạ tầng", text: text, senderName: name,
                senderPhone: nil, consent: name != nil),
            now: ReportFixture.at(LocalDate(iso: date)!, 9, 0)
        ).id
    }

    @Test func replyAndStatusMoveForwardOnly() throws {
        let fixture = try ReportFixture()
        let desk = SuggestionDesk(fixture.connection)
        let id = try Self.add(fixture, "07207", "Đường làng bị ngập khi mưa", on: "2024-06-11", name: "Nguyễn Văn A")
        let replyTime = ReportFixture.at(ReportFixture.today, 15, 0)

        let replied = try desk.reply(
            suggestionID: id, text: "  UBND phường đã giao tổ công tác kiểm tra. ",
            repliedBy: 42, now: replyTime)
        #expect(replied.reply == "UBND phường đã giao tổ công tác kiểm tra.")
        #expect(replied.repliedAt == replyTime)
        #expect(replied.repliedBy == 42)
        #expect(replied.status == .inProgress, "a reply to a new suggestion means someone is on it")
        #expect(replied.senderName == "Nguyễn Văn A")
        // The sender reads the reply through the public lookup.
        #expect(try SuggestionStore(fixture.connection).find(lookupCode: replied.lookupCode)?.reply == replied.reply)

        let resolved = try desk.setStatus(.resolved, suggestionID: id, now: replyTime + 60)
        #expect(resolved.status == .resolved)
        #expect(resolved.resolvedAt == replyTime + 60)
        #expect(
            try desk.setStatus(.resolved, suggestionID: id, now: replyTime + 120).resolvedAt == replyTime + 60,
            "setting the same status changes nothing")

        let back = #expect(throws: SuggestionDeskError.self) {
            try desk.setStatus(.new, suggestionID: id, now: replyTime + 180)
        }
        #expect(back?.kind == .invalidTransition(from: .resolved, to: .new))
        #expect(back?.message == "Không thể chuyển góp ý từ “Đã giải quyết” về “Mới”.")
        #expect(back?.status == .conflict)

        let skip = try Self.add(fixture, "07207", "Xin cảm ơn", on: "2024-06-12")
        #expect(
            try desk.setStatus(.resolved, suggestionID: skip, now: replyTime).status == .resolved,
            "a thank-you can be closed at once")

        let missing = #expect(throws: SuggestionDeskError.self) {
            try desk.setStatus(.resolved, suggestionID: 999, now: 0)
        }
        #expect(missing?.status == .notFound)
        let empty = #expect(throws: SuggestionDeskError.self) {
            try desk.reply(suggestionID: id, text: " \n ", repliedBy: 1, now: 0)
        }
        #expect(empty?.kind == .invalid(["reply": "Vui lòng nhập nội dung trả lời."]))
        let long = #expect(throws: SuggestionDeskError.self) {
            try desk.reply(suggestionID: id, text: String(repeating: "ơ", count: 2001), repliedBy: 1, now: 0)
        }
        #expect(long?.status == .unprocessableContent)
    }

    @Test func listByRoundAndStatusAndSearch() throws {
        let fixture = try ReportFixture()
        let desk = SuggestionDesk(fixture.connection)
        let unit = try fixture.unitID("07207")
        let first = try Self.add(fixture, "07207", "Đèn đường hỏng ở tổ dân phố số 3", on: "2024-06-10")
        _ = try Self.add(fixture, "07207", "Cần thêm ghế ngồi chờ", on: "2024-06-11")
        _ = try Self.add(fixture, "07207", "Góp ý đợt 1", on: "2024-03-20")
        _ = try Self.add(fixture, "07201", "Đơn vị khác", on: "2024-06-11")
        try desk.setStatus(.inProgress, suggestionID: first, now: ReportFixture.at(ReportFixture.today, 8, 0))

        let round2 = try desk.list(unitID: unit, year: 2024, round: 2)
        #expect(round2.map(\.text) == ["Cần thêm ghế ngồi chờ", "Đèn đường hỏng ở tổ dân phố số 3"], "newest first")
        #expect(try desk.list(unitID: unit, year: 2024, round: 2, status: .inProgress).map(\.id) == [first])
        #expect(try desk.list(unitID: unit, year: 2024, round: 1).map(\.text) == ["Góp ý đợt 1"])
        #expect(try desk.search(unitID: unit, text: "DEN DUONG").map(\.id) == [first])
        #expect(try desk.search(unitID: unit, text: "hạ tầng").count == 3, "the topic is searched too")
        #expect(try desk.search(unitID: unit, text: "_").isEmpty)
    }

    @Test func weeklySummaryPerCommune() throws {
        let fixture = try ReportFixture()
        let desk = SuggestionDesk(fixture.connection)
        let monday = LocalDate(iso: "2024-06-10")!
        let before = try Self.add(fixture, "07207", "A: trước tuần, giải quyết trong tuần", on: "2024-06-05")
        let waitingButAnswered = try Self.add(fixture, "07207", "B: trong tuần, còn chờ", on: "2024-06-11")
        let inWeek = try Self.add(fixture, "07207", "C: trong tuần, giải quyết trong tuần", on: "2024-06-12")
        _ = try Self.add(fixture, "07207", "D: tuần sau", on: "2024-06-18")
        let older = try Self.add(fixture, "07207", "E: trước tuần, đang xử lý", on: "2024-06-03")
        let lastWeek = try Self.add(fixture, "07207", "F: giải quyết tuần trước", on: "2024-06-03")
        try desk.setStatus(.resolved, suggestionID: before, now: ReportFixture.at(monday.adding(days: 1), 10, 0))
        try desk.setStatus(.resolved, suggestionID: inWeek, now: ReportFixture.at(monday.adding(days: 6), 23, 59))
        try desk.setStatus(.inProgress, suggestionID: older, now: ReportFixture.at(monday, 8, 0))
        try desk.setStatus(.resolved, suggestionID: lastWeek, now: ReportFixture.at(monday.adding(days: -1), 23, 59))
        // B answered in the week (still waiting: a reply is not a resolution); E never answered, received more than
        // 7 days before the week's end: overdue. A was answered last week (not counted as answered this week).
        _ = try desk.reply(
            suggestionID: waitingButAnswered, text: "Đã tiếp nhận, đang xem xét.", repliedBy: 1,
            now: ReportFixture.at(monday.adding(days: 2), 9, 0))
        _ = try desk.reply(
            suggestionID: before, text: "Đã chuyển công an xã.", repliedBy: 1,
            now: ReportFixture.at(monday.adding(days: -2), 9, 0))
        _ = try DeskQueries(fixture.connection).setCategory(.infrastructure, suggestionID: waitingButAnswered)
        _ = try DeskQueries(fixture.connection).setCategory(.infrastructure, suggestionID: inWeek)
        // Sunday 23:59 is inside the week; Monday 00:00 of the next week is not.
        let sundayNight = try Self.add(fixture, "07201", "G", on: "2024-06-16")
        try desk.setStatus(.resolved, suggestionID: sundayNight, now: ReportFixture.at(monday.adding(days: 7), 0, 0))

        let district = try #require(try UnitStore(fixture.connection).unit(code: "213", inSet: fixture.unitSetID))
        let rows = try desk.weeklySummary(unitSetID: fixture.unitSetID, districtID: district.id, weekStart: monday)
        #expect(rows.count == 17, "the district's desk and every commune, with or without suggestions")
        #expect(rows.first?.code == "213")
        let ngoQuyen = try #require(rows.first { $0.code == "07207" })
        #expect(ngoQuyen.name == "Phường Ngô Quyền")
        #expect(ngoQuyen.received == 2)
        #expect(ngoQuyen.resolved == 2)
        #expect(ngoQuyen.waiting == 2)
        #expect(ngoQuyen.answered == 1)
        #expect(ngoQuyen.overdue == 1, "E: received 03/06, no reply by the week's end")
        let topics = try desk.weeklyTopics(unitSetID: fixture.unitSetID, districtID: district.id, weekStart: monday)
        #expect(
            topics == [
                SuggestionTopicCount(category: "ha_tang", label: "Hạ tầng, giao thông", received: 2),
                SuggestionTopicCount(category: nil, label: "Chưa phân loại", received: 1),
            ])
        let thoXuong = try #require(rows.first { $0.code == "07201" })
        #expect(thoXuong.received == 1)
        #expect(thoXuong.resolved == 0)
        #expect(thoXuong.waiting == 1)
        #expect(thoXuong.overdue == 0, "received on the week's Sunday")
        #expect(rows.first { $0.code == "07204" }.map { [$0.received, $0.resolved, $0.waiting] } == [0, 0, 0])
        let province = try desk.weeklySummary(unitSetID: fixture.unitSetID, weekStart: monday)
        #expect(province.count == 219, "209 communes and 10 district desks")
    }
}
