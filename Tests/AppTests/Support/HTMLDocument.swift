import HTTP

/// A rendered page read as a tree, so a test can ask for the table under a header, a form's fields by name or the
/// links of a list instead of searching the markup for a string.
struct HTMLDocument: Sendable {
    let root: HTMLElement

    init(_ text: String) {
        root = HTMLTreeBuilder.parse(text)
    }

    /// The page's whole text, whitespace made single spaces: for a sentence whose words are the point.
    var text: String { root.text }

    var title: String? { elements(tag: "title").first?.text }

    /// The texts of the headings of that level (1–6), or of every level, in page order.
    func headings(_ level: Int? = nil) -> [String] {
        let tags = level.map { ["h\($0)"] } ?? (1...6).map { "h\($0)" }
        return root.descendants().filter { tags.contains($0.tag) }.map(\.text)
    }

    func elements(tag: String? = nil, class name: String? = nil) -> [HTMLElement] {
        root.elements(tag: tag, class: name)
    }

    func element(id: String) -> HTMLElement? { root.element(id: id) }

    /// The text of the first element with that tag (and class), if any.
    func text(of tag: String, class name: String? = nil) -> String? {
        elements(tag: tag, class: name).first?.text
    }

    /// The texts of every element with that tag (and class).
    func texts(of tag: String, class name: String? = nil) -> [String] {
        elements(tag: tag, class: name).map(\.text)
    }

    var links: [HTMLLink] { root.links }

    /// The first link whose text is exactly `text` (whitespace normalised).
    func link(text: String) -> HTMLLink? { links.first { $0.text == text } }

    func parent(of element: HTMLElement) -> HTMLElement? { root.parent(of: element) }

    // MARK: - Tables

    var tables: [HTMLTable] { elements(tag: "table").map(HTMLTable.init) }

    /// The first table with a header cell reading exactly `header`.
    func table(withHeader header: String) -> HTMLTable? { tables.first { $0.headers.contains(header) } }

    func table(id: String) -> HTMLTable? { tables.first { $0.element.id == id } }

    func table(class name: String) -> HTMLTable? { tables.first { $0.element.hasClass(name) } }

    // MARK: - Forms

    var forms: [HTMLForm] { elements(tag: "form").map(HTMLForm.init) }

    /// The first form posting to `action`, compared without a `#fragment` unless `action` has one.
    func form(action: String) -> HTMLForm? {
        forms.first { form in
            guard let target = form.action else { return false }
            let withoutFragment = target.split(separator: "#", omittingEmptySubsequences: false)[0]
            return target == action || (!action.contains("#") && withoutFragment == action)
        }
    }

    /// The value of the first `<input type="hidden">` with that name, anywhere on the page.
    func hiddenField(_ name: String) -> String? {
        elements(tag: "input").first { $0["type"]?.lowercased() == "hidden" && $0["name"] == name }?["value"]
    }
}

extension HTTPResponse {
    /// The body read as HTML.
    var document: HTMLDocument { HTMLDocument(text) }
}
