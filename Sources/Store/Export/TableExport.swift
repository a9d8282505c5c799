import Survey

/// A table to hand out as a file: a header row and typed rows. Pure: rows in, bytes out; the routes add the
/// HTTP headers (`mediaType`, a file name).
public struct TableExport: Sendable, Hashable {
    public var sheetName: String
    public var header: [String]
    public var rows: [[ExportCell]]
    /// Column widths in characters for XLSX; computed from the contents when nil.
    public var columnWidths: [Int]?

    public init(sheetName: String, header: [String], rows: [[ExportCell]], columnWidths: [Int]? = nil) {
        self.sheetName = sheetName
        self.header = header
        self.rows = rows
        self.columnWidths = columnWidths
    }

    public static let csvMediaType = "text/csv; charset=utf-8"
    public static let xlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// UTF-8 with a byte-order mark (so Excel reads Vietnamese right), CRLF line ends, RFC 4180 quoting, and
    /// cells that a spreadsheet would run as a formula (= + - @ tab CR first) defused with a leading "'".
    public func csv(_ dialect: CSVDialect = .comma) -> [UInt8] {
        var output: [UInt8] = [0xEF, 0xBB, 0xBF]
        func line(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { output.append(dialect.separator) }
                output += Self.quoted(field, separator: dialect.separator)
            }
            output += [13, 10]
        }
        line(header.map(Self.defused))
        for row in rows {
            line(
                row.map { cell in
                    switch cell {
                    case .text(let value): Self.defused(value)
                    case .integer(let value): String(value)
                    case .decimal(let value, let digits):
                        DecimalText.format(value, digits: digits, mark: dialect.decimalMark)
                    case .percentage(let share):
                        DecimalText.format(share * 100, digits: 1, mark: dialect.decimalMark) + "%"
                    case .date(let date): dialect == .comma ? date.iso : date.vietnamese
                    case .empty: ""
                    }
                })
        }
        return output
    }

    /// OWASP's advice for CSV injection: a text starting with a formula trigger gets a leading apostrophe.
    package static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// RFC 4180: quote a field holding the separator, a quote, CR or LF; double the quotes inside.
    package static func quoted(_ field: String, separator: UInt8) -> [UInt8] {
        let bytes = Array(field.utf8)
        let needsQuotes = bytes.contains { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return bytes }
        var output: [UInt8] = [UInt8(ascii: "\"")]
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
        return output
    }
}
