/// A row did not hold what the code expected. Names the column so the mismatch can be fixed at its source.
public enum RowDecodingError: Error, Sendable, Equatable {
    case typeMismatch(column: String, index: Int, expected: String, found: DatabaseValue)
    case columnIndexOutOfRange(index: Int, columnCount: Int)
    case unknownColumn(name: String, available: [String])
}

extension RowDecodingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .typeMismatch(let column, let index, let expected, let found):
            "column \(index) \"\(column)\" holds \(found.storageClassName) \(found), which cannot be read as \(expected); "
                + "fix the query or the column type"
        case .columnIndexOutOfRange(let index, let columnCount):
            "column index \(index) is out of range: the row has \(columnCount) column(s)"
        case .unknownColumn(let name, let available):
            "no column named \"\(name)\" in the row; available: \(available.joined(separator: ", "))"
        }
    }
}
