import Testing

@testable import Survey

/// A ward's four rounds (Đợt 1–4: 22/01–25/03, 01/04–25/06, 01/07–25/09, 01/10–25/12) at their edges: first and last
/// days are in the round, the day after is between rounds, the days after 25/12 wait for next year's Đợt 1.
@Suite struct SuggestionRoundsTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func ward(acceptsBetween: Bool) -> SuggestionRounds {
        let spans = [("22/01", "25/03"), ("01/04", "25/06"), ("01/07", "25/09"), ("01/10", "25/12")]
        return SuggestionRounds(
            rounds: spans.enumerated().map { index, span in
                SuggestionRounds.Round(
                    number: index + 1, starts: MonthDay(text: span.0)!, ends: MonthDay(text: span.1)!)
            }, acceptsBetween: acceptsBetween)
    }

    @Test func roundsOpenOnTheirFirstDayAndCloseAfterTheirLast() {
        let rounds = Self.ward(acceptsBetween: false)
        #expect(
            rounds.status(on: Self.day("2025-01-21"))
                == .between(nextRound: 1, opensOn: Self.day("2025-01-22"), accepting: false))
        #expect(rounds.status(on: Self.day("2025-01-22")) == .open(round: 1, endsOn: Self.day("2025-03-25")))
        #expect(rounds.status(on: Self.day("2025-03-25")) == .open(round: 1, endsOn: Self.day("2025-03-25")))
        #expect(
            rounds.status(on: Self.day("2025-03-26"))
                == .between(nextRound: 2, opensOn: Self.day("2025-04-01"), accepting: false))
        #expect(
            rounds.status(on: Self.day("2025-03-31"))
                == .between(nextRound: 2, opensOn: Self.day("2025-04-01"), accepting: false))
        #expect(rounds.status(on: Self.day("2025-04-01")) == .open(round: 2, endsOn: Self.day("2025-06-25")))
        #expect(rounds.status(on: Self.day("2025-12-25")) == .open(round: 4, endsOn: Self.day("2025-12-25")))
        #expect(
            rounds.status(on: Self.day("2025-12-26"))
                == .between(nextRound: 1, opensOn: Self.day("2026-01-22"), accepting: false))
        #expect(
            rounds.status(on: Self.day("2025-12-31"))
                == .between(nextRound: 1, opensOn: Self.day("2026-01-22"), accepting: false))
        #expect(
            rounds.status(on: Self.day("2026-01-01"))
                == .between(nextRound: 1, opensOn: Self.day("2026-01-22"), accepting: false))
        #expect(!rounds.accepts(on: Self.day("2025-03-26")))
        #expect(rounds.accepts(on: Self.day("2025-03-25")))
    }

    @Test func aSuggestionBetweenRoundsIsFiledInTheNextOneWhenTheUnitTakesIt() {
        let rounds = Self.ward(acceptsBetween: true)
        #expect(rounds.accepts(on: Self.day("2025-03-28")))
        #expect(rounds.filing(on: Self.day("2025-03-28")) == (2025, 2))
        #expect(rounds.filing(on: Self.day("2025-12-28")) == (2026, 1), "after Đợt 4: next year's Đợt 1")
        #expect(rounds.filing(on: Self.day("2025-01-05")) == (2025, 1))
        #expect(rounds.filing(on: Self.day("2025-09-25")) == (2025, 3))
        #expect(SuggestionRounds.allYear.filing(on: Self.day("2025-09-30")) == (2025, 3), "no rounds: the quarter")
        #expect(SuggestionRounds.allYear.accepts(on: Self.day("2025-12-31")))
        #expect(SuggestionRounds.allYear.status(on: Self.day("2025-12-31")) == .allYear)
    }

    @Test func daysAndRoundSetsAreChecked() {
        #expect(MonthDay(text: "22/01") == MonthDay(month: 1, day: 22))
        #expect(MonthDay(text: " 1/4 ") == MonthDay(month: 4, day: 1))
        #expect(MonthDay(text: "01-22") == MonthDay(month: 1, day: 22))
        #expect(MonthDay(text: "29/02") == nil, "not in every year")
        #expect(MonthDay(text: "31/04") == nil)
        #expect(MonthDay(text: "22.01") == nil)
        #expect(MonthDay(month: 1, day: 22).stored == "01-22" && MonthDay(month: 1, day: 22).shown == "22/01")
        let crossing = SuggestionRounds.Round(
            number: 1, starts: MonthDay(month: 12, day: 1), ends: MonthDay(month: 1, day: 15))
        #expect(SuggestionRounds.problems([crossing])[1] != nil)
        let first = SuggestionRounds.Round(
            number: 1, starts: MonthDay(month: 1, day: 1), ends: MonthDay(month: 3, day: 31))
        let overlapping = SuggestionRounds.Round(
            number: 2, starts: MonthDay(month: 3, day: 31), ends: MonthDay(month: 6, day: 1))
        #expect(SuggestionRounds.problems([first, overlapping])[2]?.contains("trùng") == true)
        #expect(SuggestionRounds.problems(Self.ward(acceptsBetween: true).rounds).isEmpty)
    }
}
