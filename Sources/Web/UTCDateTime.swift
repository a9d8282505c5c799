import HTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A calendar date and time in UTC, converted from Unix time with plain arithmetic (`HTTPDate`'s
/// "days from civil" algorithm), so formatting a log line needs no formatter object,
/// no time zone database and no locale.
struct UTCDateTime: Equatable {
    var year: Int
    var month: Int  // 1...12
    var day: Int  // 1...31
    var hour: Int
    var minute: Int
    var second: Int
    var nanosecond: Int

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    init(epochSeconds: Int, nanosecond: Int = 0) {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondOfDay = epochSeconds - days * 86_400
        (year, month, day) = HTTPDate.civilDate(fromDays: days)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        self.nanosecond = nanosecond
    }

    /// The current wall-clock time.
    static func now() -> UTCDateTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UTCDateTime(epochSeconds: Int(spec.tv_sec), nanosecond: Int(spec.tv_nsec))
    }

    var epochSeconds: Int {
        let days = HTTPDate.days(fromCivil: year, month: month, day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// 0 is Sunday.
    var weekday: Int {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let weekday = (days + 4) % 7  // 1970-01-01 was a Thursday.
        return weekday < 0 ? weekday + 7 : weekday
    }

    /// `2026-11-22T05:06:32.123Z`
    var iso8601WithMilliseconds: String {
        var text = ""
        text.reserveCapacity(24)
        Self.append(year, width: 4, to: &text)
        text += "-"
        Self.append(month, width: 2, to: &text)
        text += "-"
        Self.append(day, width: 2, to: &text)
        text += "T"
        Self.append(hour, width: 2, to: &text)
        text += ":"
        Self.append(minute, width: 2, to: &text)
        text += ":"
        Self.append(second, width: 2, to: &text)
        text += "."
        Self.append(nanosecond / 1_000_000, width: 3, to: &text)
        text += "Z"
        return text
    }

    static func append(_ number: Int, width: Int, to text: inout String) {
        let digits = String(number)
        if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
        text += digits
    }
}
