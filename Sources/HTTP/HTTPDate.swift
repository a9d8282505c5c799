/// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT", RFC 9110 §5.6.7) from and to seconds since 1970 UTC,
/// by calendar arithmetic rather than Foundation's formatters, which are slow and locale-bound.
public enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats whole seconds since 1970-01-01T00:00:00Z.
    public static func format(secondsSince1970 seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(fromDays: days)
        let weekday = weekdays[((days % 7) + 7) % 7]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(29)
        bytes.append(contentsOf: weekday.utf8)
        bytes.append(contentsOf: ", ".utf8)
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(ASCII.space)
        bytes.append(contentsOf: months[month - 1].utf8)
        bytes.append(ASCII.space)
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(ASCII.space)
        appendDigits(secondOfDay / 3600, width: 2, to: &bytes)
        bytes.append(ASCII.colon)
        appendDigits(secondOfDay / 60 % 60, width: 2, to: &bytes)
        bytes.append(ASCII.colon)
        appendDigits(secondOfDay % 60, width: 2, to: &bytes)
        bytes.append(contentsOf: " GMT".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses an IMF-fixdate; nil for anything else. (RFC 9110 also asks recipients to accept the obsolete
    /// RFC 850 and asctime forms; browsers have sent IMF-fixdate for decades, and a date we cannot read only
    /// costs a full response instead of a 304.)
    public static func parse(_ text: some StringProtocol) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 29, bytes[3] == ASCII.comma, bytes[4] == ASCII.space, bytes[7] == ASCII.space,
            bytes[11] == ASCII.space, bytes[16] == ASCII.space, bytes[19] == ASCII.colon,
            bytes[22] == ASCII.colon, bytes[25...28].elementsEqual(" GMT".utf8),
            let weekday = weekdays.firstIndex(where: { $0.utf8.elementsEqual(bytes[0..<3]) }),
            let monthIndex = months.firstIndex(where: { $0.utf8.elementsEqual(bytes[8..<11]) }),
            let day = number(bytes[5..<7]), let year = number(bytes[12..<16]),
            let hour = number(bytes[17..<19]), let minute = number(bytes[20..<22]), let second = number(bytes[23..<25]),
            hour < 24, minute < 60, second < 61, day >= 1, day <= daysIn(month: monthIndex + 1, year: year)
        else { return nil }
        let days = days(fromCivil: year, month: monthIndex + 1, day: day)
        guard ((days % 7) + 7) % 7 == weekday else { return nil }
        return days * 86_400 + hour * 3600 + minute * 60 + min(second, 59)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - ASCII.zero)
        }
        return value
    }

    private static func appendDigits(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var remaining = value
        while divisor > 0 {
            bytes.append(ASCII.zero + UInt8(remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days (public domain), exact over the proleptic Gregorian calendar.
    // Public so the web layer's log timestamps use the same arithmetic.
    public static func days(fromCivil year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func civilDate(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
