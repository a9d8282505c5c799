/// A table read the way a person reads it: header texts, then rows whose cells are found by their column's header.
/// Header cells are those of `<thead>`, or else of the first row when it holds only `<th>`; the rows of `<tfoot>`
/// (totals) are kept apart in `footer`; a nested table's rows are its own.
struct HTMLTable: Sendable {
    let element: HTMLElement
    let headerCells: [HTMLElement]
    let rows: [Row]
    let footer: [Row]

    var headers: [String] { headerCells.map(\.text) }

    init(_ element: HTMLElement) {
        self.element = element
        let ownRows = element.descendants(stoppingAt: ["table"]).filter { $0.tag == "tr" }
        func sectionRows(_ section: String) -> [HTMLElement] {
            element.descendants(stoppingAt: ["table"]).filter { $0.tag == section }
                .flatMap { $0.descendants(stoppingAt: ["table"]).filter { $0.tag == "tr" } }
        }
        let headRows = sectionRows("thead")
        let footRows = sectionRows("tfoot")
        let apart = Set((headRows + footRows).map(\.serial))
        var bodyRows = ownRows.filter { !apart.contains($0.serial) }
        var headerRow = headRows.first
        if headerRow == nil, let first = bodyRows.first, !first.childElements.isEmpty,
            first.childElements.allSatisfy({ $0.tag == "th" })
        {
            headerRow = first
            bodyRows.removeFirst()
        }
        let cells = headerRow?.childElements.filter { $0.tag == "th" || $0.tag == "td" } ?? []
        headerCells = cells
        let headers = cells.map(\.text)
        rows = bodyRows.map { Row(element: $0, headers: headers) }
        footer = footRows.map { Row(element: $0, headers: headers) }
    }

    /// The header cell reading exactly `text` (its link and `aria-sort` are there to read).
    func headerCell(_ text: String) -> HTMLElement? { headerCells.first { $0.text == text } }

    /// Every row's text in that column ("" where a row is short), or nil when no header reads `header`.
    func column(_ header: String) -> [String]? {
        guard headers.contains(header) else { return nil }
        return rows.map { $0[header] ?? "" }
    }

    /// The first row whose `header` cell reads exactly `value`.
    func row(where header: String, is value: String) -> Row? { rows.first { $0[header] == value } }

    struct Row: Sendable {
        let element: HTMLElement
        let headers: [String]
        let cells: [HTMLElement]

        init(element: HTMLElement, headers: [String]) {
            self.element = element
            self.headers = headers
            cells = element.childElements.filter { $0.tag == "td" || $0.tag == "th" }
        }

        var classes: [String] { element.classes }
        var texts: [String] { cells.map(\.text) }

        /// The cell under the header reading exactly `header`.
        func cell(_ header: String) -> HTMLElement? {
            guard let index = headers.firstIndex(of: header), index < cells.count else { return nil }
            return cells[index]
        }

        /// The text of the cell under `header`, whitespace normalised.
        subscript(header: String) -> String? { cell(header)?.text }
    }
}
