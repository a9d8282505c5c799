import Testing

@testable import HTTP

@Suite struct HTTPDateTests {
    @Test(
        "formats known instants",
        arguments: [
            (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
            (1_700_000_000, "Tue, 14 Nov 2023 22:13:20 GMT"),
            (4_102_444_799, "Thu, 31 Dec 2099 23:59:59 GMT"),
        ])
    func formats(seconds: Int, text: String) {
        #expect(HTTPDate.format(secondsSince1970: seconds) == text)
        #expect(HTTPDate.parse(text) == seconds)
    }

    @Test func roundTripsEveryDayOverCenturies() {
        // One instant per 10 days and some hours from 1900 to 2200 covers leap rules and every weekday.
        var seconds = -2_208_988_800
        while seconds < 7_258_118_400 {
            let text = HTTPDate.format(secondsSince1970: seconds)
            #expect(HTTPDate.parse(text) == seconds, "\(text)")
            seconds += 10 * 86_400 + 3_671
        }
    }

    @Test(
        "refuses what is not an IMF-fixdate",
        arguments: [
            "", "Sun, 06 Nov 1994 08:49:37 UTC", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
            "Mon, 06 Nov 1994 08:49:37 GMT",  // wrong weekday
            "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT",
        ])
    func refuses(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}
