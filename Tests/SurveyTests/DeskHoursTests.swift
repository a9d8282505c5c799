import Testing

@testable import Survey

@Suite struct DeskHoursTests {
    /// Monday 10/06/2024 … Sunday 16/06/2024.
    static func day(_ weekday: Int) -> LocalDate { LocalDate(iso: "2024-06-10")!.adding(days: weekday - 1) }
    static func at(_ weekday: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Int64 {
        VietnamTime.instant(day(weekday), hour: hour, minute: minute, second: second)
    }

    @Test func weekdaysAreISO() {
        #expect(DeskHours.weekday(of: LocalDate(iso: "1970-01-01")!) == 4)
        #expect((1...7).map { DeskHours.weekday(of: Self.day($0)) } == Array(1...7))
        #expect(DeskHours.weekday(of: LocalDate(iso: "1969-12-28")!) == 7)
    }

    @Test func standardHoursAtTheirEdges() {
        let hours = DeskHours.standard
        for weekday in 1...5 {
            #expect(!hours.isOpen(at: Self.at(weekday, 6, 59, 59)))
            #expect(hours.isOpen(at: Self.at(weekday, 7, 0)))
            #expect(hours.isOpen(at: Self.at(weekday, 11, 29, 59)))
            #expect(!hours.isOpen(at: Self.at(weekday, 11, 30)))
            #expect(!hours.isOpen(at: Self.at(weekday, 13, 29, 59)))
            #expect(hours.isOpen(at: Self.at(weekday, 13, 30)))
            #expect(hours.isOpen(at: Self.at(weekday, 16, 59, 59)))
            #expect(!hours.isOpen(at: Self.at(weekday, 17, 0)))
        }
        // Saturday morning only; Sunday closed.
        #expect(hours.isOpen(at: Self.at(6, 7, 0)))
        #expect(hours.isOpen(at: Self.at(6, 11, 29, 59)))
        #expect(!hours.isOpen(at: Self.at(6, 11, 30)))
        #expect(!hours.isOpen(at: Self.at(6, 14, 0)))
        #expect(!hours.isOpen(at: Self.at(7, 9, 0)))
    }

    @Test func graceExtendsEachClosingOnly() {
        let hours = DeskHours.standard
        #expect(hours.isOpen(at: Self.at(1, 11, 44, 59), graceSeconds: 900))
        #expect(!hours.isOpen(at: Self.at(1, 11, 45), graceSeconds: 900))
        #expect(!hours.isOpen(at: Self.at(1, 6, 59, 59), graceSeconds: 900))
        #expect(hours.isOpen(at: Self.at(6, 11, 44), graceSeconds: 900))
    }

    @Test func parsesTheStandardWeekAndRefusesNonsense() throws {
        #expect(DeskHours(text: "1-5=07:00-11:30,13:30-17:00;6=07:00-11:30") == .standard)
        let sunday = try #require(DeskHours(text: " 7 = 08:00-10:00 "))
        #expect(sunday.isOpen(at: Self.at(7, 9, 0)))
        #expect(!sunday.isOpen(at: Self.at(1, 9, 0)))
        #expect(DeskHours(text: "0=07:00-11:00") == nil)
        #expect(DeskHours(text: "5-1=07:00-11:00") == nil)
        #expect(DeskHours(text: "1=11:00-07:00") == nil)
        #expect(DeskHours(text: "1=07:00-24:01") == nil)
        #expect(DeskHours(text: "1=7-11") == nil)
        #expect(DeskHours(text: "") == nil)
        #expect(DeskHours.standard.text.hasPrefix("Thứ hai 07:00–11:30, 13:30–17:00;"))
        #expect(DeskHours.standard.text.hasSuffix("Thứ bảy 07:00–11:30; Chủ nhật nghỉ"))
    }
}

@Suite struct PoissonTailTests {
    @Test func quantileOfKnownValues() {
        // λ = 1: P(X ≥ 9) ≈ 1.1e-6 > 1e-6, P(X ≥ 10) ≈ 1.0e-7.
        #expect(PoissonTail.upperQuantile(lambda: 1, alpha: 1e-6) == 10)
        // λ = 1, α = 0.08: P(X ≥ 3) ≈ 0.0803, P(X ≥ 4) ≈ 0.019.
        #expect(PoissonTail.upperQuantile(lambda: 1, alpha: 0.08) == 4)
        #expect(PoissonTail.upperQuantile(lambda: 0, alpha: 1e-6) == 1)
    }

    @Test func growsWithLambdaAndStaysFiniteForLargeOnes() {
        var previous = 0
        for lambda in [0.01, 0.1, 1, 5, 20, 100] {
            let quantile = PoissonTail.upperQuantile(lambda: lambda, alpha: 1e-6)
            #expect(quantile >= previous)
            #expect(Double(quantile) > lambda)
            previous = quantile
        }
        let large = PoissonTail.upperQuantile(lambda: 1000, alpha: 1e-6)
        #expect(large > 1100 && large < 1200)
    }
}
