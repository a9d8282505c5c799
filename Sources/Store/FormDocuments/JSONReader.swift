/// A strict JSON reader (RFC 8259) that records the line of every value: a pure function of the bytes, with a depth
/// limit so a hostile file cannot exhaust the stack. Duplicate keys are refused rather than silently overwritten.
package struct JSONReader {
    package static let maxDepth = 32

    package struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        package let line: Int
        package let message: String
        package var description: String { "dòng \(line): \(message)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    package static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
        var reader = JSONReader(bytes)
        // A UTF-8 byte order mark, as some editors write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.error("còn nội dung sau khi tài liệu JSON đã kết thúc") }
        return value
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A: line += 1
            case 0x20, 0x09, 0x0D: break
            default: return
            }
            index += 1
        }
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> JSONNode {
        guard depth < Self.maxDepth else { throw error("lồng nhau quá \(Self.maxDepth) cấp") }
        guard index < bytes.count else { throw error("tài liệu JSON kết thúc giữa chừng") }
        let start = line
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(value: .object(try members(depth: depth)), line: start)
        case UInt8(ascii: "["): return JSONNode(value: .array(try elements(depth: depth)), line: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try string()), line: start)
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONNode(value: .bool(true), line: start)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONNode(value: .bool(false), line: start)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONNode(value: .null, line: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try number()), line: start)
        default:
            throw error("không phải giá trị JSON (thiếu dấu ngoặc kép, hay thừa dấu phẩy?)")
        }
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("không phải giá trị JSON (thiếu dấu ngoặc kép?)")
        }
        index += expected.count
    }

    private mutating func members(depth: Int) throws(SyntaxError) -> [JSONNode.Member] {
        index += 1
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return members
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("cần tên khóa trong dấu ngoặc kép")
            }
            let keyLine = line
            let key = try string()
            guard !members.contains(where: { $0.key == key }) else {
                throw SyntaxError(line: keyLine, message: "khóa “\(key)” xuất hiện hai lần")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("cần dấu “:” sau khóa") }
            index += 1
            skipWhitespace()
            members.append(JSONNode.Member(key: key, value: try value(depth: depth + 1)))
            skipWhitespace()
            guard index < bytes.count else { throw error("thiếu dấu “}”") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw error("cần dấu “,” hoặc “}”") }
            index += 1
            return members
        }
    }

    private mutating func elements(depth: Int) throws(SyntaxError) -> [JSONNode] {
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw error("thiếu dấu “]”") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw error("cần dấu “,” hoặc “]”") }
            index += 1
            return elements
        }
    }

    private mutating func number() throws(SyntaxError) -> String {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw error("số không hợp lệ") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw error("số không hợp lệ")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("số không hợp lệ") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw error("số không hợp lệ") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() throws(SyntaxError) {
            guard !run.isEmpty else { return }
            guard let text = String(validating: run, as: UTF8.self) else {
                throw error("chuỗi không phải UTF-8 hợp lệ")
            }
            scalars.append(contentsOf: text.unicodeScalars)
            run.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                try flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush()
                scalars.append(try escape())
            case 0x0A:
                throw error("chuỗi chưa đóng dấu ngoặc kép trước khi xuống dòng")
            case 0x00..<0x20:
                throw error("chuỗi chứa ký tự điều khiển; hãy viết \\n, \\t…")
            default:
                run.append(byte)
            }
        }
        throw error("chuỗi chưa đóng dấu ngoặc kép")
    }

    private mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
        guard index < bytes.count else { throw error("chuỗi chưa đóng dấu ngoặc kép") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4()
            if (0xD800..<0xDC00).contains(first) {
                guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("thiếu nửa sau của cặp \\u") }
                index += 2
                let second = try hex4()
                guard (0xDC00..<0xE000).contains(second),
                    let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                else { throw error("cặp \\u không hợp lệ") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw error("\\u không hợp lệ") }
            return scalar
        default:
            throw error("ký tự thoát không hợp lệ sau “\\”")
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("\\u cần 4 chữ số hex") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("\\u cần 4 chữ số hex")
            }
            value = value * 16 + digit
        }
        return value
    }
}
