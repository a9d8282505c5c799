/// One node of a parsed page: an element, a run of text (entities decoded) or a comment.
enum HTMLNode: Sendable {
    case element(HTMLElement)
    case text(String)
    case comment(String)
}

/// An element of a parsed page with its attributes (names lower-cased, values decoded; a bare attribute has the
/// value "") and its children. `serial` is its place in document order, so two copies can be told apart.
struct HTMLElement: Sendable {
    let tag: String
    let attributes: [String: String]
    let children: [HTMLNode]
    let serial: Int

    subscript(name: String) -> String? { attributes[name] }

    var id: String? { attributes["id"] }
    var classes: [String] { (attributes["class"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init) }
    func hasClass(_ name: String) -> Bool { classes.contains(name) }

    /// The element's text with every run of whitespace made one space and the ends trimmed; `<br>` counts as a space.
    var text: String { HTMLElement.normalized(rawText) }

    /// The text of every descendant, as written.
    var rawText: String {
        var output = ""
        appendText(to: &output)
        return output
    }

    private func appendText(to output: inout String) {
        if tag == "br" { output += " " }
        for child in children {
            switch child {
            case .text(let text): output += text
            case .element(let element): element.appendText(to: &output)
            case .comment: break
            }
        }
    }

    var childElements: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// Every element below this one, in document order; `stoppingAt` tags are listed but not entered.
    func descendants(stoppingAt stops: Set<String> = []) -> [HTMLElement] {
        var found: [HTMLElement] = []
        func walk(_ element: HTMLElement) {
            for child in element.childElements {
                found.append(child)
                if !stops.contains(child.tag) { walk(child) }
            }
        }
        walk(self)
        return found
    }

    /// Descendants with that tag (any tag when nil) carrying that class (any when nil).
    func elements(tag: String? = nil, class name: String? = nil) -> [HTMLElement] {
        descendants().filter { element in
            (tag.map { element.tag == $0.lowercased() } ?? true) && (name.map(element.hasClass) ?? true)
        }
    }

    func element(id: String) -> HTMLElement? { descendants().first { $0.id == id } }

    /// The element directly holding `child`, if `child` is below this one.
    func parent(of child: HTMLElement) -> HTMLElement? {
        if childElements.contains(where: { $0.serial == child.serial }) { return self }
        return descendants().first { $0.childElements.contains { $0.serial == child.serial } }
    }

    /// Every `<a href>` below, with its text.
    var links: [HTMLLink] {
        elements(tag: "a").compactMap { anchor in anchor["href"].map { HTMLLink(href: $0, element: anchor) } }
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// A link as a reader follows it: where it goes and what it says.
struct HTMLLink: Sendable, Equatable, CustomStringConvertible {
    let href: String
    let text: String
    let rel: String?

    init(href: String, text: String, rel: String? = nil) {
        self.href = href
        self.text = text
        self.rel = rel
    }

    init(href: String, element: HTMLElement) {
        self.init(href: href, text: element.text, rel: element["rel"])
    }

    var description: String { "\(text) → \(href)" }
}
