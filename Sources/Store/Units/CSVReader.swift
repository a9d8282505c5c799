/// RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, LF or CRLF line ends,
/// an optional UTF-8 byte-order mark. Records carry the line they started on, for error messages.
public struct CSVReader: Sendable {
    public struct Record: Sendable, Hashable {
        public let line: Int
        public let fields: [String]
    }

    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        case unterminatedQuote(line: Int)
        case textAfterClosingQuote(line: Int)
        case invalidUTF8
        case recordTooLarge(line: Int)

        public var description: String {
            switch self {
            case .unterminatedQuote(let line): "Dòng \(line): dấu ngoặc kép mở nhưng không đóng."
            case .textAfterClosingQuote(let line): "Dòng \(line): có ký tự sau dấu ngoặc kép đóng."
            case .invalidUTF8: "Tệp không phải văn bản UTF-8."
            case .recordTooLarge(let line): "Dòng \(line): trường hoặc số cột quá lớn."
            }
        }
    }

    /// Limits that keep a hostile file from exhausting memory.
    public var maxFieldBytes = 4096
    public var maxFieldsPerRecord = 64

    public init() {}

    public func records(_ bytes: [UInt8]) throws(Failure) -> [Record] {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false

        func finishField() throws(Failure) {
            guard let text = String(validating: field, as: UTF8.self) else { throw .invalidUTF8 }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }
        func finishRecord() {
            // A blank line is not a record.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                try finishField()
                afterQuote = false
            case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "\n"):
                try finishField()
                finishRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case UInt8(ascii: "\"") where field.isEmpty && !afterQuote:
                inQuotes = true
            default:
                if afterQuote { throw .textAfterClosingQuote(line: line) }
                field.append(byte)
            }
            if field.count > maxFieldBytes || fields.count > maxFieldsPerRecord {
                // Refuse rather than guess: no real unit list has such fields.
                throw .recordTooLarge(line: recordLine)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || afterQuote {
            try finishField()
            finishRecord()
        }
        return records
    }
}
