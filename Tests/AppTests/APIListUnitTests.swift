import Crypto
import HTTP
import Testing

@testable import App

/// The pieces of `APIList` alone: positions and their order, cursors and their MAC, the paging parameters.
@Suite struct APIListUnitTests {
    static let key = Array(repeating: UInt8(7), count: 32)

    @Test func positionsCompareComponentByComponent() {
        let a = APIListPosition(.descendingText("2024-06-10"), .descending(5))
        #expect(a.precedes(APIListPosition(.descendingText("2024-06-10"), .descending(4))) == true)
        #expect(a.precedes(APIListPosition(.descendingText("2024-06-11"), .descending(9))) == false)
        #expect(a.precedes(APIListPosition(.descendingText("2024-06-09"), .descending(9))) == true)
        #expect(a.precedes(a) == false)
        #expect(APIListPosition(.ascendingText("07201")).precedes(APIListPosition(.ascendingText("07204"))) == true)
        // By bytes: "Z" (0x5A) before "a" before "à" (0xC3 0xA0).
        #expect(APIListPosition(.ascendingText("Z")).precedes(APIListPosition(.ascendingText("a"))) == true)
        #expect(APIListPosition(.ascendingText("à")).precedes(APIListPosition(.ascendingText("b"))) == false)
        #expect(APIListPosition(.ascending(-3)).precedes(APIListPosition(.ascending(2))) == true)
        // Another shape: no order.
        #expect(APIListPosition(.ascending(1)).precedes(APIListPosition(.ascendingText("1"))) == nil)
        #expect(APIListPosition(.ascending(1)).precedes(APIListPosition(.ascending(1), .ascending(2))) == nil)
        #expect(APIListPosition(.ascending(1)).precedes(APIListPosition(.descending(2))) == nil)
    }

    @Test func positionsRoundTripThroughBytes() throws {
        let positions = [
            APIListPosition(),
            APIListPosition(
                .ascending(.min), .descending(.max), .ascendingText(""),
                .descendingText("Phường Thọ Xương")),
            APIListPosition(.ascendingText(String(repeating: "x", count: 255))),
        ]
        for position in positions {
            let bytes = try #require(position.bytes)
            #expect(APIListPosition(bytes: bytes[...]) == position)
            // Any shorter or longer run of bytes is refused.
            for cut in 0..<bytes.count { #expect(APIListPosition(bytes: bytes[..<cut]) == nil) }
            #expect(APIListPosition(bytes: (bytes + [0])[...]) == nil)
        }
        #expect(APIListPosition(.ascendingText(String(repeating: "x", count: 256))).bytes == nil)
        #expect(APIListPosition(bytes: [1, 9, 0, 0, 0, 0, 0, 0, 0, 0][...]) == nil, "unknown tag")
        #expect(APIListPosition(bytes: [1, 3, 2, 0xC3, 0x28][...]) == nil, "not UTF-8")
    }

    @Test func cursorsAreBoundToTheirListAndSigned() throws {
        let position = APIListPosition(.descending(1_718_150_400), .descending(42))
        let list = "/api/v1/campaigns/3/flags?unit=07201"
        let cursor = try #require(APIListCursor.encode(position, list: list, key: Self.key))
        #expect(!cursor.contains("=") && !cursor.contains("+") && !cursor.contains("/"))
        #expect(APIListCursor.decode(cursor, list: list, key: Self.key) == position)
        #expect(APIListCursor.decode(cursor, list: "/api/v1/campaigns/3/flags?unit=07204", key: Self.key) == nil)
        #expect(APIListCursor.decode(cursor, list: "/api/v1/campaigns/4/flags?unit=07201", key: Self.key) == nil)
        #expect(APIListCursor.decode(cursor, list: list, key: Array(repeating: 8, count: 32)) == nil)
        var bytes = try #require(Base64URL.decode(cursor))
        for index in bytes.indices {
            bytes[index] ^= 1
            #expect(APIListCursor.decode(Base64URL.encode(bytes), list: list, key: Self.key) == nil, "byte \(index)")
            bytes[index] ^= 1
        }
        for bad in ["", "!", "A", cursor + "A", String(cursor.dropLast()), cursor + "="] {
            #expect(APIListCursor.decode(bad, list: list, key: Self.key) == nil, "\(bad)")
        }
    }

    @Test func pagingParameters() throws {
        func query(_ text: String) throws(APIError) -> APIListQuery {
            try APIListQuery((try? URLEncodedForm(decoding: text)) ?? URLEncodedForm())
        }
        #expect(try query("") == APIListQuery(limit: nil, cursor: nil))
        #expect(try query("unit=07201&x=") == APIListQuery(limit: nil, cursor: nil))
        #expect(try query("limit=1") == APIListQuery(limit: 1, cursor: nil))
        #expect(try query("limit=1000&cursor=abc") == APIListQuery(limit: 1000, cursor: "abc"))
        #expect(try query("cursor=abc") == APIListQuery(limit: 100, cursor: "abc"))
        #expect(try query("limit=0042") == APIListQuery(limit: 42, cursor: nil))
        for bad in [
            "limit=0", "limit=-1", "limit=1001", "limit=", "limit", "limit=1&limit=1", "limit=+5", "limit=%205",
            "limit=5%20", "limit=%D9%A3", "limit=99999999999999999999999",
        ] {
            let error = #expect(throws: APIError.self, "\(bad)") { try query(bad) }
            #expect(error?.code == "invalid_limit", "\(bad)")
        }
        for bad in ["cursor=", "cursor", "cursor=a&cursor=a", "limit=5&cursor="] {
            let error = #expect(throws: APIError.self, "\(bad)") { try query(bad) }
            #expect(error?.code == "invalid_cursor", "\(bad)")
        }
    }

    @Test func theFirstIndexAfterAPosition() throws {
        let codes = ["07201", "07204", "07207", "07243"]
        func index(after code: String) throws -> Int {
            try APIList.firstIndex(in: codes, after: APIListPosition(.ascendingText(code))) {
                APIListPosition(.ascendingText($0))
            }
        }
        #expect(try index(after: "07201") == 1)
        #expect(try index(after: "07202") == 1)
        #expect(try index(after: "0") == 0)
        #expect(try index(after: "07243") == 4)
        #expect(try index(after: "9") == 4)
        let error = #expect(throws: APIError.self) {
            try APIList.firstIndex(in: codes, after: APIListPosition(.ascending(1))) {
                APIListPosition(.ascendingText($0))
            }
        }
        #expect(error?.code == "invalid_cursor")
        #expect(
            try APIList.firstIndex(in: [String](), after: APIListPosition(.ascending(1))) { _ in APIListPosition() }
                == 0)
    }
}
