import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG parsed by Foundation's XMLParser: proves it is well-formed and exposes what the tests check.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    struct ParseFailure: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var elements: [Element] = []
    private(set) var titleText = ""
    private var insideTitle = false

    init(parsing svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw ParseFailure(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
    }

    func elements(named name: String) -> [Element] {
        elements.filter { $0.name == name }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String]
    ) {
        elements.append(Element(name: elementName, attributes: attributes))
        insideTitle = elementName == "title"
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        insideTitle = false
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if insideTitle { titleText += string }
    }
}
