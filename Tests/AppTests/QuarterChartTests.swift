import Testing

@testable import App
@testable import Store

/// The quarter trend's SVG: the values it says (to a screen reader and on hover) and its bars' proportions.
@Suite struct QuarterChartTests {
    let quarters = [
        CommuneYear.Quarter(number: 1, answers: 0, satisfiedShare: nil),
        CommuneYear.Quarter(number: 2, answers: 1_250, satisfiedShare: 0.9),
        CommuneYear.Quarter(number: 3, answers: 500, satisfiedShare: 0.625),
        CommuneYear.Quarter(number: 4, answers: 0, satisfiedShare: nil),
    ]

    @Test func describesEveryQuarterAndScalesTheBars() {
        let svg = QuarterChart.svg(quarters, title: "Theo quý").description
        #expect(svg == QuarterChart.svg(quarters, title: "Theo quý").description, "pure: same bytes")
        #expect(svg.contains("role=\"img\""))
        #expect(
            svg.contains(
                "Quý 1: 0 phiếu, hài lòng –; Quý 2: 1.250 phiếu, hài lòng 90,0%; Quý 3: 500 phiếu, hài lòng 62,5%; Quý 4: 0 phiếu, hài lòng –."
            ))
        // Scale top 2,000 (the nice ceiling of 1,250) over a 140-pixel plot: 1,250 → 87.5 px, 500 → 35 px.
        #expect(svg.contains("height=\"87.5\" fill=\"#1f6fb2\"><title>Quý 2: 1.250 phiếu</title>"))
        #expect(svg.contains("height=\"35\" fill=\"#1f6fb2\"><title>Quý 3: 500 phiếu</title>"))
        #expect(svg.contains(">Quý 4</text>"))
    }
}
