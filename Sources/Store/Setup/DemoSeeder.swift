import Crypto
import Database
import Survey

/// `qcdc seed-demo`: the demo province (Bắc Giang, 2024: 10 districts, 209 communes) and one open PKS02 campaign
/// over every commune, from 30 days before today to 30 days after, so a newcomer can answer right away.
/// Running it again changes nothing.
public enum DemoSeeder {
    public static let unitFile = "bac_giang_2024.csv"
    public static let effectiveFrom = LocalDate(year: 2024, month: 1, day: 1)!
    public static let campaignTitle = "Khảo sát sự hài lòng đối với Chủ tịch UBND cấp xã (đợt trình diễn)"

    public struct Outcome: Sendable, CustomStringConvertible {
        public let units: UnitStore.ImportOutcome
        public let campaignID: Int64
        public let campaignCreated: Bool

        public var description: String {
            let unitText =
                switch units {
                case .imported(_, let count): "đã nhập \(count) đơn vị hành chính"
                case .unchanged: "danh sách đơn vị đã có sẵn"
                }
            return "\(unitText); đợt khảo sát mẫu số \(campaignID) \(campaignCreated ? "đã được tạo" : "đã có sẵn")"
        }
    }

    public static func seed(_ connection: Connection, today: LocalDate, now: Int64) throws -> Outcome {
        guard let text = EmbeddedResources.seeds.first(where: { $0.name == unitFile })?.text else {
            throw SetupError(description: "Thiếu dữ liệu mẫu \(unitFile) trong chương trình.")
        }
        let bytes = Array(text.utf8)
        let list = try UnitList(csv: bytes)
        return try connection.transaction {
            let units = try UnitStore(connection).importSet(
                list, effective: effectiveFrom, sourceName: unitFile, checksum: SHA256.hex(bytes), now: now)
            if let existing: Int64 = try connection.scalar("SELECT id FROM campaigns WHERE title = ?", [campaignTitle])
            {
                return Outcome(units: units, campaignID: existing, campaignCreated: false)
            }
            var campaign = NewCampaign(
                formCode: "PKS02", title: campaignTitle, startsOn: today.adding(days: -30),
                endsOn: today.adding(days: 30))
            campaign.state = .open
            let id = try CampaignStore(connection).create(campaign, today: today, now: now)
            return Outcome(units: units, campaignID: id, campaignCreated: true)
        }
    }
}
