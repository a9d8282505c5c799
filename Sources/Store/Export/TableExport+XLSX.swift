import Survey

extension TableExport {
    /// A minimal Office Open XML workbook with one sheet: inline strings (no shared-string table to keep in
    /// step), a bold header row frozen at the top, column widths, a percent format and a date format.
    public func xlsx() throws -> [UInt8] {
        try Self.xlsx(sheets: [self])
    }

    /// One workbook of several sheets, in order, each written as `xlsx()` writes one. Sheet names are made safe
    /// and unique (Excel refuses a workbook with two sheets of the same name).
    public static func xlsx(sheets: [TableExport]) throws -> [UInt8] {
        var names: [String] = []
        for sheet in sheets {
            var name = safeSheetName(sheet.sheetName)
            var suffix = 2
            while names.contains(where: { $0.lowercased() == name.lowercased() }) {
                name = String(safeSheetName(sheet.sheetName).prefix(27)) + " (\(suffix))"
                suffix += 1
            }
            names.append(name)
        }
        var zip = StoredZipWriter()
        try zip.add(path: "[Content_Types].xml", contents: Array(XLSXParts.contentTypes(sheets: sheets.count).utf8))
        try zip.add(path: "_rels/.rels", contents: Array(XLSXParts.rootRelationships.utf8))
        try zip.add(path: "xl/workbook.xml", contents: Array(XLSXParts.workbook(sheetNames: names).utf8))
        try zip.add(
            path: "xl/_rels/workbook.xml.rels",
            contents: Array(XLSXParts.workbookRelationships(sheets: sheets.count).utf8))
        try zip.add(path: "xl/styles.xml", contents: Array(XLSXParts.styles.utf8))
        for (index, sheet) in sheets.enumerated() {
            try zip.add(path: "xl/worksheets/sheet\(index + 1).xml", contents: sheet.worksheet())
        }
        return zip.finish()
    }

    package func worksheet() -> [UInt8] {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="\(XLSXParts.mainNamespace)" xmlns:r="\(XLSXParts.relationshipNamespace)">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
            state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/>
            """
        let widths = columnWidths ?? computedWidths()
        if !widths.isEmpty {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                xml +=
                    "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(max(width, 4), 80) + 2)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += row(1, header.map { ExportCell.text($0) }, header: true)
        for (index, cells) in rows.enumerated() {
            xml += row(index + 2, cells, header: false)
        }
        xml += "</sheetData></worksheet>"
        return Array(xml.utf8)
    }

    private func row(_ number: Int, _ cells: [ExportCell], header: Bool) -> String {
        var xml = "<row r=\"\(number)\">"
        for (column, cell) in cells.enumerated() {
            let reference = Self.columnName(column) + String(number)
            let bold = header ? " s=\"\(XLSXParts.Style.header)\"" : ""
            switch cell {
            case .text(let value):
                xml +=
                    "<c r=\"\(reference)\" t=\"inlineStr\"\(bold)><is><t xml:space=\"preserve\">\(XMLText.escape(value))</t></is></c>"
            case .integer(let value):
                xml += "<c r=\"\(reference)\"\(bold)><v>\(value)</v></c>"
            case .decimal(let value, let digits):
                guard value.isFinite else { continue }
                xml += "<c r=\"\(reference)\"\(bold)><v>\(DecimalText.format(value, digits: digits))</v></c>"
            case .percentage(let share):
                guard share.isFinite else { continue }
                xml +=
                    "<c r=\"\(reference)\" s=\"\(XLSXParts.Style.percent)\"><v>\(DecimalText.format(share, digits: 6))</v></c>"
            case .date(let date):
                // Spreadsheet serial day: days since 1899-12-30.
                xml += "<c r=\"\(reference)\" s=\"\(XLSXParts.Style.date)\"><v>\(date.daysSinceEpoch + 25_569)</v></c>"
            case .empty:
                continue
            }
        }
        return xml + "</row>"
    }

    /// Widest content per column, in characters.
    package func computedWidths() -> [Int] {
        var widths = header.map(\.count)
        for cells in rows {
            for (index, cell) in cells.enumerated() {
                let length =
                    switch cell {
                    case .text(let value): value.split(separator: "\n").map(\.count).max() ?? 0
                    case .integer(let value): String(value).count
                    case .decimal(let value, let digits): DecimalText.format(value, digits: digits).count
                    case .percentage: 6
                    case .date: 10
                    case .empty: 0
                    }
                if index < widths.count { widths[index] = max(widths[index], length) } else { widths.append(length) }
            }
        }
        return widths
    }

    /// A, B, …, Z, AA, AB, …
    package static func columnName(_ index: Int) -> String {
        var name = ""
        var remaining = index + 1
        while remaining > 0 {
            let letter = (remaining - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + letter))) + name
            remaining = (remaining - 1) / 26
        }
        return name
    }

    /// Sheet names are at most 31 characters and may not contain : \ / ? * [ ].
    package static func safeSheetName(_ name: String) -> String {
        let cleaned = String(name.map { ":\\/?*[]".contains($0) ? " " : $0 }.prefix(31))
            .trimmingCharacters(in: " '")
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }
}

extension String {
    package func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
