import Testing

@testable import App

/// `APIJSON.encode`, the one encoding of API bodies: snake_case keys from the properties, `@Nullable` figures
/// written as `null`, dictionary keys (codes) and the object's other settings as `HTTPResponse.json` has them.
@Suite struct APIJSONTests {
    struct Item: Encodable {
        let unitCode: String
        @Nullable var satisfiedShare: Double?
        @Nullable var lateEntry: Bool?
        let reportID: Int
        let byStatus: [String: Int]
        let path: String
        var skipped: Int?
    }

    func text(_ value: some Encodable) throws -> String {
        String(decoding: try APIJSON.encode(value), as: UTF8.self)
    }

    @Test func keysAreSnakeCaseAndMissingFiguresNull() throws {
        let item = Item(
            unitCode: "07201", satisfiedShare: nil, lateEntry: true, reportID: 3, byStatus: ["PKS01": 1, "dat": 2],
            path: "/a/b", skipped: nil)
        #expect(
            try text(item)
                == #"{"by_status":{"PKS01":1,"dat":2},"late_entry":true,"path":"/a/b","report_id":3,"satisfied_share":null,"unit_code":"07201"}"#
        )
    }

    @Test func aPresentFigureIsWrittenAsItself() throws {
        let item = Item(
            unitCode: "1", satisfiedShare: 0.8333, lateEntry: nil, reportID: 1, byStatus: [:], path: "", skipped: 4)
        #expect(
            try text(item)
                == #"{"by_status":{},"late_entry":null,"path":"","report_id":1,"satisfied_share":0.8333,"skipped":4,"unit_code":"1"}"#
        )
    }

    @Test func sharesAreRoundedToFourDecimals() {
        #expect(APIJSON.share(5.0 / 6.0) == 0.8333)
        #expect(APIJSON.share(nil as Double?) == nil)
        #expect(APIJSON.share(2.0 / 3.0 as Double?) == 0.6667)
    }
}
