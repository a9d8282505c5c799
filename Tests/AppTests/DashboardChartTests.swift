import Foundation
import Survey
import Testing

@testable import App
@testable import Store

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct DashboardChartTests {
    /// Parses the markup as XML and collects element names and the text of <title> elements.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var attributes: [[String: String]] = []
        var titles: [String] = []
        private var inTitle = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            elements.append(name)
            self.attributes.append(attributes)
            if name == "title" {
                inTitle = true
                titles.append("")
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inTitle, !titles.isEmpty { titles[titles.count - 1] += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" { inTitle = false }
        }
    }

    func parse(_ svg: String) -> (ok: Bool, collector: Collector) {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        return (parser.parse(), collector)
    }

    let days = (0..<7).map {
        DailyAnswerCount(date: LocalDate(iso: "2024-06-10")!.adding(days: $0), answers: [7, 11, 13, 0, 0, 0, 0][$0])
    }

    @Test func chartIsWellFormedAccessibleSVG() throws {
        let svg = AnswersChart.svg(days: days).rendered
        let (ok, collector) = parse(svg)
        #expect(ok, "the SVG parses as XML")
        #expect(collector.elements.first == "svg")
        let root = try #require(collector.attributes.first)
        #expect(root["role"] == "img")
        #expect(root["aria-labelledby"] == "bieu-do-phieu-title bieu-do-phieu-desc")
        #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(collector.elements.filter { $0 == "rect" }.count == 7, "one bar per day")
        #expect(collector.titles.first == "Số phiếu trả lời theo ngày")
        #expect(collector.titles.contains("12/06: 13 phiếu"))
        #expect(svg.contains(">10/06</text>"))
        #expect(svg.contains(">16/06</text>"))
        #expect(svg.contains("Tổng 31 phiếu từ 10/06/2024 đến 16/06/2024; nhiều nhất 13 phiếu ngày 12/06/2024."))
        #expect(!svg.contains("<script"))
        // The tallest bar (13 of a scale of 20) is 13/20 of the 182-pixel plot.
        #expect(svg.contains("height=\"118.3\""))
    }

    @Test func everyTextIsEscaped() {
        let svg = AnswersChart.svg(days: days, title: "<script>alert('x')</script> & \"Ngô Quyền\"", id: "a\"b")
            .rendered
        let (ok, collector) = parse(svg)
        #expect(ok)
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Ngô Quyền&quot;"))
        #expect(collector.titles.first == "<script>alert('x')</script> & \"Ngô Quyền\"")
        #expect(collector.attributes.first?["aria-labelledby"] == "a\"b-title a\"b-desc")
    }

    @Test func emptyAndLongRangesStayReadable() {
        let empty = AnswersChart.svg(days: []).rendered
        #expect(parse(empty).ok)
        #expect(empty.contains("Không có ngày nào trong khoảng này."))
        let start = LocalDate(iso: "2024-01-01")!
        let quarter = (0..<91).map { DailyAnswerCount(date: start.adding(days: $0), answers: $0 % 5) }
        let svg = AnswersChart.svg(days: quarter).rendered
        let (ok, collector) = parse(svg)
        #expect(ok)
        #expect(collector.elements.filter { $0 == "rect" }.count == 91)
        let dateLabels = collector.elements.filter { $0 == "text" }.count - 4  // title and three grid values
        #expect(dateLabels <= 12, "date labels are thinned out so they never overlap")
        #expect(AnswersChart.niceCeiling(13) == 20)
        #expect(AnswersChart.niceCeiling(0) == 2)
        #expect(AnswersChart.niceCeiling(101) == 200)
        #expect(AnswersChart.niceCeiling(5) == 10)
    }
}
