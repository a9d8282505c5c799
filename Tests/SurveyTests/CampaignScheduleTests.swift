import Testing

@testable import Survey

private func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Test func phaseFollowsLocalDates() {
    let schedule = CampaignSchedule(state: .open, startsOn: date("2024-06-10"), endsOn: date("2024-06-12"))
    #expect(schedule.phase(on: date("2024-06-09")) == .notYetOpen)
    #expect(schedule.phase(on: date("2024-06-10")) == .open)
    #expect(schedule.phase(on: date("2024-06-12")) == .open)
    #expect(schedule.phase(on: date("2024-06-13")) == .closed)
    #expect(schedule.days.map(\.iso) == ["2024-06-10", "2024-06-11", "2024-06-12"])
}

@Test func draftAndClosedOverrideDates() {
    let draft = CampaignSchedule(state: .draft, startsOn: date("2024-06-10"), endsOn: date("2024-06-12"))
    #expect(draft.phase(on: date("2024-06-11")) == .notPublished)
    let closed = CampaignSchedule(state: .closed, startsOn: date("2024-06-10"), endsOn: date("2024-06-12"))
    #expect(closed.phase(on: date("2024-06-11")) == .closed)
    #expect(!closed.phase(on: date("2024-06-11")).acceptsAnswers)
}

@Test func campaignOpenAcrossLocalMidnight() {
    let schedule = CampaignSchedule(state: .open, startsOn: date("2024-06-12"), endsOn: date("2024-06-12"))
    // 23:59:59 on the 11th in Hanoi is 16:59:59Z: not yet open; a second later it is.
    let lastSecondBefore = VietnamTime.startOfDay(date("2024-06-12")) - 1
    #expect(schedule.phase(on: VietnamTime.localDate(at: lastSecondBefore)) == .notYetOpen)
    #expect(schedule.phase(on: VietnamTime.localDate(at: lastSecondBefore + 1)) == .open)
}
