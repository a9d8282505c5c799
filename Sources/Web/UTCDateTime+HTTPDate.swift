/// The HTTP date format (IMF-fixdate, RFC 9110 §5.6.7): `Sun, 06 Nov 1994 08:49:37 GMT`.
extension UTCDateTime {
    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    var httpDate: String {
        var text = Self.dayNames[weekday] + ", "
        Self.append(day, width: 2, to: &text)
        text += " " + Self.monthNames[month - 1] + " "
        Self.append(year, width: 4, to: &text)
        text += " "
        Self.append(hour, width: 2, to: &text)
        text += ":"
        Self.append(minute, width: 2, to: &text)
        text += ":"
        Self.append(second, width: 2, to: &text)
        text += " GMT"
        return text
    }

    /// Parses an IMF-fixdate. The obsolete RFC 850 and asctime forms are not accepted: a header we cannot
    /// read is ignored, which only costs a full response instead of a 304.
    init?(httpDate text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT",
            let day = Self.number(parts[1], digits: 2),
            let monthIndex = Self.monthNames.firstIndex(where: { $0 == parts[2] }),
            let year = Self.number(parts[3], digits: 4)
        else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3,
            let hour = Self.number(clock[0], digits: 2), let minute = Self.number(clock[1], digits: 2),
            let second = Self.number(clock[2], digits: 2),
            (1...31).contains(day), hour <= 23, minute <= 59, second <= 60
        else { return nil }
        self.init(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
    }

    /// Exactly `digits` ASCII digits (`Int()` alone would also take a sign).
    private static func number(_ text: Substring, digits: Int) -> Int? {
        guard text.utf8.count == digits,
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }
}
