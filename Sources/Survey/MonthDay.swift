/// A day of the year without a year: "22/01". 29/02 is refused, since a round must fall every year.
public struct MonthDay: Sendable, Hashable, Comparable {
    public let month: Int
    public let day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// "22/01", "22/1" or "01-22" (as stored); nil for a day that is not in every year.
    public init?(text: String) {
        let trimmed = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if trimmed.count == 5, trimmed.dropFirst(2).first == "-" {
            let parts = trimmed.split(separator: "-")
            guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]) else { return nil }
            self.init(checkedMonth: month, day: day)
        } else {
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
                let day = Int(parts[0]), let month = Int(parts[1])
            else { return nil }
            self.init(checkedMonth: month, day: day)
        }
    }

    private init?(checkedMonth month: Int, day: Int) {
        // 2023 is not a leap year: a day that exists in it exists every year.
        guard LocalDate(year: 2023, month: month, day: day) != nil else { return nil }
        self.init(month: month, day: day)
    }

    /// "01-22", as stored.
    public var stored: String { Self.two(month) + "-" + Self.two(day) }
    /// "22/01", as shown.
    public var shown: String { Self.two(day) + "/" + Self.two(month) }

    public func date(in year: Int) -> LocalDate? { LocalDate(year: year, month: month, day: day) }

    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool {
        (lhs.month, lhs.day) < (rhs.month, rhs.day)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
