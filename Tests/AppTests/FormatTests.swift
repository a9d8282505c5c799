import Testing

@testable import Store

@Suite struct FormatTests {
    @Test func countsGroupThousandsWithDots() {
        #expect(Format.count(0) == "0")
        #expect(Format.count(999) == "999")
        #expect(Format.count(1000) == "1.000")
        #expect(Format.count(3321) == "3.321")
        #expect(Format.count(1_234_567) == "1.234.567")
        #expect(Format.count(-12_345) == "-12.345")
    }

    @Test func decimalsUseACommaAndRound() {
        #expect(Format.decimal(4.254, digits: 2) == "4,25")
        #expect(Format.decimal(4.0, digits: 1) == "4,0")
        #expect(Format.decimal(nil, digits: 1) == "–")
        #expect(Format.decimal(.nan, digits: 1) == "–")
    }

    @Test func percentagesKeepOneDecimal() {
        #expect(Format.percent(0.875) == "87,5%")
        #expect(Format.percent(1) == "100,0%")
        #expect(Format.percent(0) == "0,0%")
        #expect(Format.percent(0.0004) == "0,0%")
        #expect(Format.percent(nil) == "–")
    }
}
