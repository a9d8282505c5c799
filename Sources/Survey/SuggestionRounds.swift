/// A unit's suggestion rounds (Đợt 1–4), the same month-day ranges every year, and whether its box takes
/// suggestions between two rounds. No rounds: the box is open all year and files by calendar quarter. Pure: the
/// day it is asked about is a local day in Asia/Ho_Chi_Minh, as everywhere else.
public struct SuggestionRounds: Sendable, Hashable {
    public struct Round: Sendable, Hashable {
        public let number: Int
        /// Month and day, inclusive at both ends.
        public let starts: MonthDay
        public let ends: MonthDay

        public init(number: Int, starts: MonthDay, ends: MonthDay) {
            self.number = number
            self.starts = starts
            self.ends = ends
        }
    }

    public enum Status: Sendable, Hashable {
        /// No rounds configured: open all year.
        case allYear
        case open(round: Int, endsOn: LocalDate)
        /// Between rounds: the next one and its first day; `accepting` when the unit takes suggestions meanwhile.
        case between(nextRound: Int, opensOn: LocalDate, accepting: Bool)
    }

    /// In order of their first day.
    public let rounds: [Round]
    public let acceptsBetween: Bool

    public static let allYear = SuggestionRounds(rounds: [], acceptsBetween: true)

    public init(rounds: [Round], acceptsBetween: Bool) {
        self.rounds = rounds.sorted { $0.starts < $1.starts }
        self.acceptsBetween = acceptsBetween
    }

    public func status(on day: LocalDate) -> Status {
        guard !rounds.isEmpty else { return .allYear }
        let today = MonthDay(month: day.month, day: day.day)
        if let round = rounds.first(where: { $0.starts <= today && today <= $0.ends }) {
            return .open(round: round.number, endsOn: round.ends.date(in: day.year) ?? day)
        }
        let next = rounds.first { $0.starts > today }
        let round = next ?? rounds[0]
        let year = next == nil ? day.year + 1 : day.year
        return .between(
            nextRound: round.number, opensOn: round.starts.date(in: year) ?? day, accepting: acceptsBetween)
    }

    /// Whether the box takes a suggestion on `day`.
    public func accepts(on day: LocalDate) -> Bool {
        switch status(on: day) {
        case .allYear, .open: true
        case .between(_, _, let accepting): accepting
        }
    }

    /// The year and round a suggestion sent on `day` is filed under: the open round, else the next one (which may be
    /// next year's first); without rounds the calendar quarter.
    public func filing(on day: LocalDate) -> (year: Int, round: Int) {
        switch status(on: day) {
        case .allYear: (day.year, day.quarter)
        case .open(let round, _): (day.year, round)
        case .between(let round, let opensOn, _): (opensOn.year, round)
        }
    }

    /// Why a set of rounds cannot be kept, by round number (0: the whole set); empty when it can.
    public static func problems(_ rounds: [Round]) -> [Int: String] {
        var problems: [Int: String] = [:]
        for round in rounds where round.ends < round.starts {
            problems[round.number] =
                "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu; một đợt không kéo sang năm sau."
        }
        let sorted = rounds.sorted { $0.starts < $1.starts }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.starts <= earlier.ends {
            problems[later.number] =
                problems[later.number] ?? "Đợt \(later.number) trùng ngày với đợt \(earlier.number)."
        }
        return problems
    }
}
