import Foundation
import Survey
import Testing

@testable import App
@testable import Store

/// The communes JSON, generated from `UnitFigure.all`, must be byte for byte what JSONEncoder writes for the same
/// items, and what the hand-written item wrote before the figures were declared once (`LegacyItem` below).
@Suite struct APICommuneListTests {
    /// The API item as it was written by hand before `UnitFigure`: the reference for the keys and their values.
    struct LegacyItem: Encodable {
        let code: String
        let name: String
        let district: String?
        let answers: Int
        let visitors: Int
        let quotaStatus: String
        let satisfiedShare: Double?
        let reportsOnTime: Int

        init(_ unit: CommuneSummary) {
            code = unit.code
            name = unit.name
            district = unit.districtCode
            answers = unit.answers
            visitors = unit.visitors
            quotaStatus = unit.quotaStatus.rawValue
            satisfiedShare = APIJSON.share(unit.satisfiedShare)
            reportsOnTime = unit.reportsOnTime
        }

        enum CodingKeys: String, CodingKey {
            case code, name, district, answers, visitors
            case quotaStatus = "quota_status"
            case satisfiedShare = "satisfied_share"
            case reportsOnTime = "reports_on_time"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(district, forKey: .district)
            try container.encode(answers, forKey: .answers)
            try container.encode(visitors, forKey: .visitors)
            try container.encode(quotaStatus, forKey: .quotaStatus)
            try container.encode(satisfiedShare, forKey: .satisfiedShare)
            try container.encode(reportsOnTime, forKey: .reportsOnTime)
        }
    }

    static func unit(
        code: String, name: String, district: String?, answers: Int, visitors: Int, reported: Bool,
        share: Double?, onTime: Int, late: Int = 0
    ) -> CommuneSummary {
        CommuneSummary(
            unitID: Int64(code) ?? 0, code: code, name: name, level: "commune", districtCode: district,
            districtName: district.map { "Huyện \($0)" }, answers: answers, answersToday: answers / 3,
            answersOnReportedDays: answers, answersOnUnreportedDays: 0, visitors: visitors, headcount: nil,
            quota: QuotaCheck(
                rule: .standard, basis: .visitors, answers: answers, base: visitors, uncountedAnswers: 0,
                hasReport: reported),
            satisfiedShare: share, reportsOnTime: onTime, lateReports: late, lastReportDate: nil,
            reportedToday: reported ? .onTime : .missing, suggestionsWaiting: 0)
    }

    static func units() -> [CommuneSummary] {
        let shares: [Double?] = [
            nil, 0, 1, 0.5, 0.75, 0.8333, 0.0001, 0.9999, 0.1, 0.25, 1.0 / 3, 2.0 / 3, 0.83335,
            0.123456,
        ]
        return shares.enumerated().map { index, share in
            unit(
                code: String(format: "%05d", 7201 + index),
                name: ["Phường Thọ Xương", "Xã \"Đồng\" Tiến", #"Thị trấn A\B"#, "Xã Hòa/Bình", "Ấp Đông"][index % 5],
                district: index % 3 == 0 ? nil : "213", answers: index * 1_000, visitors: index * 7,
                reported: index % 2 == 0, share: share, onTime: index)
        }
    }

    func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try APIJSON.response(value).body, as: UTF8.self)
    }

    @Test func sameBytesAsJSONEncoderAndAsBefore() throws {
        let units = Self.units()
        let items = units.map(APICommuneItem.init)
        let bytes = try #require(APICommuneList.json(items))
        let written = String(decoding: bytes, as: UTF8.self)
        #expect(written == (try encoded(items)))
        // The keys the API always had keep their bytes; a figure added since may add keys around them.
        let legacyKeys: Set = [
            "answers", "code", "district", "name", "quota_status", "reports_on_time",
            "satisfied_share", "visitors",
        ]
        let existing = try #require(
            APICommuneList.json(
                items,
                figures: APICommuneItem.figures.filter {
                    legacyKeys.contains($0.key)
                }))
        #expect(Set(APICommuneItem.figures.map(\.key)).isSuperset(of: legacyKeys))
        #expect(String(decoding: existing, as: UTF8.self) == (try encoded(units.map(LegacyItem.init))))
        #expect(APICommuneList.json([]) == Array("[]".utf8))
        let response = try APICommuneList.response(items)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["Cache-Control"] == "no-store")
    }

    @Test func controlCharactersFallBackToJSONEncoder() throws {
        let odd = [
            APICommuneItem(
                Self.unit(
                    code: "07201", name: "Tab\there", district: nil, answers: 1, visitors: 1,
                    reported: true, share: nil, onTime: 0))
        ]
        #expect(APICommuneList.json(odd) == nil)
        #expect(String(decoding: try APICommuneList.response(odd).body, as: UTF8.self) == (try encoded(odd)))
    }

    /// Every kind of value a figure may have, through the byte writer and through `APICommuneItem`'s rules.
    @Test func everyCellKindIsWrittenAsJSONEncoderWritesIt() throws {
        struct OneValue: Encodable {
            let cell: ExportCell

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: APICommuneItem.Key.self)
                try APICommuneItem.encode(cell, forKey: APICommuneItem.Key(stringValue: "v"), in: &container)
            }
        }
        let cells: [ExportCell] = [
            .text("Xã \"A\"/B"), .integer(-12), .decimal(2.345, digits: 2), .decimal(7, digits: 0),
            .decimal(-0.05, digits: 1), .percentage(0.83335), .date(LocalDate(iso: "2024-06-12")!), .empty,
        ]
        for cell in cells {
            var out = Array(#"{"v":"#.utf8)
            #expect(APICommuneList.value(cell, to: &out), "\(cell)")
            out.append(UInt8(ascii: "}"))
            #expect(String(decoding: out, as: UTF8.self) == (try encoded(OneValue(cell: cell))), "\(cell)")
        }
        var out: [UInt8] = []
        #expect(!APICommuneList.value(.decimal(0.123456, digits: 6), to: &out), "beyond 4 decimals: JSONEncoder")
    }
}
