import Testing

@testable import Web

@Test func convertsUnixTimeBothWays() {
    let date = UTCDateTime(epochSeconds: 784_111_777)
    #expect(date == UTCDateTime(year: 1994, month: 11, day: 6, hour: 8, minute: 49, second: 37))
    #expect(date.weekday == 0)
    // Every day for well over a century round-trips.
    for day in stride(from: -20_000, to: 60_000, by: 1) {
        let seconds = day * 86_400 + 45_296
        #expect(UTCDateTime(epochSeconds: seconds).epochSeconds == seconds)
    }
}

@Test func formatsISO8601WithMilliseconds() {
    let date = UTCDateTime(epochSeconds: 1_795_323_992, nanosecond: 7_900_000)
    #expect(date.iso8601WithMilliseconds == "2026-11-22T05:06:32.007Z")
}

@Test func formatsDurationsInMilliseconds() {
    #expect(AccessLogMiddleware.milliseconds(.microseconds(1234)) == "1.234")
    #expect(AccessLogMiddleware.milliseconds(.microseconds(5)) == "0.005")
    #expect(AccessLogMiddleware.milliseconds(.seconds(2)) == "2000.000")
}
