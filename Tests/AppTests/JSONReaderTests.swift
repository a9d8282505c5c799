import Testing

@testable import Store

/// The JSON reader behind `qcdc form import`: RFC 8259 values, the line of every value, refusals with their line.
@Suite struct JSONReaderTests {
    func parse(_ text: String) throws(JSONReader.SyntaxError) -> JSONNode {
        try JSONReader.parse(Array(text.utf8))
    }

    func refusal(_ text: String) -> JSONReader.SyntaxError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEveryKindOfValueWithItsLine() throws {
        let root = try parse(
            """
            {
              "a": "chữ \\"trích\\" \\u0041\\ud83d\\ude00\\n",
              "b": [1, -2.5e3, true,
                    false, null],
              "c": {}
            }
            """)
        #expect(root.line == 1)
        #expect(root["a"] == JSONNode(value: .string("chữ \"trích\" A😀\n"), line: 2))
        guard case .array(let items) = try #require(root["b"]).value else {
            Issue.record("b is an array")
            return
        }
        #expect(items.map(\.value) == [.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])
        #expect(items.map(\.line) == [3, 3, 3, 4, 4])
        #expect(root["c"]?.value == .object([]))
        #expect(root["missing"] == nil)
        #expect(try parse("\u{FEFF}[]").value == .array([]), "a byte order mark is skipped")
    }

    @Test func refusalsNameTheirLine() {
        #expect(refusal("{\n\"a\": 1,\n}")?.line == 3, "a trailing comma")
        #expect(refusal("{\n\"a\": 1,\n\"a\": 2}")?.message == "khóa “a” xuất hiện hai lần")
        #expect(refusal("{\n\"a\": \"no end\n}")?.line == 2)
        #expect(refusal("[1, 2] x")?.message == "còn nội dung sau khi tài liệu JSON đã kết thúc")
        #expect(refusal("[01]") != nil)
        #expect(refusal("[1.]") != nil)
        #expect(refusal("{'a': 1}") != nil)
        #expect(refusal("[\"\\ud83d\"]") != nil, "half a surrogate pair")
        #expect(refusal("[\"\\x\"]") != nil)
        #expect(refusal("[tru]") != nil)
        #expect(refusal("") != nil)
        #expect(refusal(String(repeating: "[", count: 40) + String(repeating: "]", count: 40)) != nil, "too deep")
        #expect(refusal(String(repeating: "[", count: 20) + String(repeating: "]", count: 20)) == nil)
        #expect(refusal("[\"\u{01}\"]") != nil, "a raw control character")
        var invalid = Array("[\"".utf8)
        invalid.append(0xC3)
        invalid.append(contentsOf: Array("\"]".utf8))
        #expect((try? JSONReader.parse(invalid)) == nil, "not UTF-8")
    }

    /// Every prefix of a valid document is refused, never read as something else or crashing.
    @Test func everyTruncationIsRefused() throws {
        let text = "{\"code\": \"Q\", \"n\": [1, 2.5, {\"x\": null}], \"t\": \"ờ\\u00e0\"}"
        _ = try parse(text)
        let bytes = Array(text.utf8)
        for end in 0..<bytes.count {
            #expect((try? JSONReader.parse(Array(bytes[..<end]))) == nil, "prefix of \(end) bytes")
        }
    }
}
