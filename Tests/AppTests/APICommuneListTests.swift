import Foundation
import Testing
@testable import App

/// The hand-written communes JSON must be byte for byte what JSONEncoder writes for the same items.
@Suite struct APICommuneListTests {
    func encoded(_ items: [APICommuneItem]) throws -> String {
        String(decoding: try APIJSON.response(items).body, as: UTF8.self)
    }

    @Test func sameBytesAsJSONEncoder() throws {
        let shares: [Double?] = [nil, 0, 1, 0.5, 0.75, 0.8333, 0.0001, 0.9999, 0.1, 0.25, 1.0 / 3, 2.0 / 3, 0.83335]
        var items: [APICommuneItem] = []
        for (index, share) in shares.enumerated() {
            items.append(APICommuneItem(
                code: String(format: "%05d", 7201 + index), name: ["Phường Thọ Xương", "Xã \"Đồng\" Tiến",
                                                                   #"Thị trấn A\B"#, "Xã Hòa/Bình", "Ấp Đông"][index % 5],
                district: index % 3 == 0 ? nil : "213", answers: index * 1_000, visitors: index * 7,
                quotaStatus: "chua_bao_cao", satisfiedShare: APIJSON.share(share), reportsOnTime: index))
        }
        let bytes = try #require(APICommuneList.json(items))
        #expect(String(decoding: bytes, as: UTF8.self) == (try encoded(items)))
        #expect(APICommuneList.json([]) == Array("[]".utf8))
        let response = try APICommuneList.response(items)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["Cache-Control"] == "no-store")
    }

    @Test func controlCharactersFallBackToJSONEncoder() throws {
        let odd = [APICommuneItem(code: "07201", name: "Tab\there", district: nil, answers: 1, visitors: 1,
                                  quotaStatus: "dat", satisfiedShare: nil, reportsOnTime: 0)]
        #expect(APICommuneList.json(odd) == nil)
        #expect(String(decoding: try APICommuneList.response(odd).body, as: UTF8.self) == (try encoded(odd)))
    }
}
