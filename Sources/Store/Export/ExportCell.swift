import Survey

/// One typed cell of an exported table. The type decides how each format writes it: a percentage is a number
/// with a percent format in XLSX and "85.3%" in CSV; a date is a real date in XLSX.
public enum ExportCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// A number printed with `digits` decimals.
    case decimal(Double, digits: Int)
    /// A share in 0...1, printed as a percentage with one decimal.
    case percentage(Double)
    case date(LocalDate)
    case empty

    /// A share that may be missing (no answers yet): empty rather than 0%.
    public static func percentage(_ share: Double?) -> ExportCell {
        share.map { ExportCell.percentage($0) } ?? .empty
    }

    public static func text(_ value: String?) -> ExportCell {
        value.map { ExportCell.text($0) } ?? .empty
    }

    public static func date(_ value: LocalDate?) -> ExportCell {
        value.map { ExportCell.date($0) } ?? .empty
    }
}
