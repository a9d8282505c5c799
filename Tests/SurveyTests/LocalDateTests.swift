import Testing

@testable import Survey

@Test func parsesAndPrintsISODates() throws {
    let date = try #require(LocalDate(iso: "2024-06-12"))
    #expect(date.year == 2024 && date.month == 6 && date.day == 12)
    #expect(date.iso == "2024-06-12")
    #expect(date.vietnamese == "12/06/2024")
    #expect(LocalDate(iso: "2025-02-29") == nil)
    #expect(LocalDate(iso: "2024-02-29") != nil)
    #expect(LocalDate(iso: "2024-6-12") == nil)
    #expect(LocalDate(iso: "2024-06-1x") == nil)
    #expect(LocalDate(iso: "2024-13-01") == nil)
}

@Test func dayArithmeticRoundTripsAcrossYears() throws {
    var date = try #require(LocalDate(iso: "1999-12-25"))
    for _ in 0..<3000 {
        let next = date.adding(days: 1)
        #expect(next > date)
        #expect(date.days(until: next) == 1)
        #expect(LocalDate(daysSinceEpoch: next.daysSinceEpoch) == next)
        date = next
    }
    #expect(LocalDate(iso: "1970-01-01")?.daysSinceEpoch == 0)
    #expect(LocalDate(iso: "2000-03-01")?.adding(days: -1).iso == "2000-02-29")
}

@Test func quarterOfADate() {
    let cases = [
        ("2025-01-01", 1), ("2025-03-31", 1), ("2025-04-01", 2), ("2025-06-30", 2),
        ("2025-07-01", 3), ("2025-09-30", 3), ("2025-10-01", 4), ("2025-12-31", 4),
    ]
    for (text, quarter) in cases {
        #expect(LocalDate(iso: text)?.quarter == quarter, "\(text)")
    }
}

@Test func vietnamLocalDateChangesAtLocalMidnight() throws {
    // 2024-06-11T16:59:59Z is 23:59:59 in Hanoi; one second later is the 12th.
    let beforeMidnight: Int64 = 1_718_125_199
    #expect(VietnamTime.localDate(at: beforeMidnight).iso == "2024-06-11")
    #expect(VietnamTime.localDate(at: beforeMidnight + 1).iso == "2024-06-12")
    #expect(VietnamTime.secondOfDay(at: beforeMidnight + 1) == 0)
    let date = try #require(LocalDate(iso: "2024-06-12"))
    #expect(VietnamTime.startOfDay(date) == beforeMidnight + 1)
    #expect(VietnamTime.clockText(at: VietnamTime.instant(date, hour: 16, minute: 45, second: 3)) == "16:45:03")
    #expect(VietnamTime.localDate(at: -1).iso == "1970-01-01", "07:00 minus a second is still the 1st locally")
}
