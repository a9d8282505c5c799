import Testing

@testable import Survey

private let day = LocalDate(iso: "2024-06-12")!

private func at(_ hour: Int, _ minute: Int, _ second: Int) -> Int64 {
    VietnamTime.instant(day, hour: hour, minute: minute, second: second)
}

@Test func standardWindowEdges() {
    let window = ReportingWindow.standard
    #expect(!window.contains(at(16, 29, 59)))
    #expect(window.contains(at(16, 30, 0)))
    #expect(window.contains(at(16, 59, 59)))
    #expect(!window.contains(at(17, 0, 0)))
    #expect(window.text == "16:30–17:00")
}

@Test func positionTellsTimeUntilOpen() {
    let window = ReportingWindow.standard
    #expect(window.position(at: at(16, 0, 0)) == .before(secondsUntilOpen: 1800))
    #expect(window.position(at: at(16, 59, 0)) == .inside(secondsUntilClose: 60))
    #expect(window.position(at: at(17, 0, 0)) == .after(secondsUntilOpen: 23 * 3600 + 30 * 60))
}

@Test func invalidWindowsAreRefused() {
    #expect(ReportingWindow(startMinute: 1020, endMinute: 990) == nil)
    #expect(ReportingWindow(startMinute: -1, endMinute: 10) == nil)
    #expect(ReportingWindow(startMinute: 0, endMinute: 1441) == nil)
    #expect(ReportingWindow(startMinute: 0, endMinute: 1440) != nil)
}

@Test func simulatedClockStartsAtTheChosenInstantAndRuns() {
    let base = FixedClock(1_000)
    let simulated = SimulatedClock(startingAt: Double(at(16, 45, 0)), base: base)
    #expect(simulated.isSimulated)
    #expect(simulated.nowSeconds == at(16, 45, 0))
    base.advance(by: 90)
    #expect(simulated.nowSeconds == at(16, 46, 30))
    #expect(simulated.today == day)
    #expect(ReportingWindow.standard.contains(simulated.nowSeconds))
}
