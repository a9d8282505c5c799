import Database
import Foundation
import Testing

@testable import App
@testable import Store

/// `qcdc campaign add … --owner CODE` (issue 14): a district's campaign covers its communes without
/// `--district`/`--unit`, one outside its scope is refused with the unit named, and the list says who runs each.
@Suite struct CampaignOwnerCommandTests {
    @Test func aDistrictsCampaignFromTheCommandLine() throws {
        let cli = CommandLineTests()
        try #require(FileManager.default.isExecutableFile(atPath: CommandLineTests.binary), "build first: swift build")
        let folder = NSTemporaryDirectory() + "qcdc-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/qcdc.sqlite3"
        #expect(try cli.run(["seed-demo", "--db", db]).status == 0)
        let base = [
            "campaign", "add", "--form", "PKS03", "--title", "Đợt huyện", "--starts", "2020-01-01",
            "--ends", "2099-12-31", "--db", db,
        ]
        let created = try cli.run(base + ["--owner", "213"])
        #expect(created.status == 0, "\(created.output)")
        let refused = try cli.run(base + ["--owner", "213", "--unit", "07243"])
        #expect(refused.status != 0)
        #expect(refused.output.contains("07243") && refused.output.contains("nằm ngoài phạm vi"))
        let listing = try cli.run(["campaign", "list", "--db", db])
        let line = try #require(listing.output.split(separator: "\n").first { $0.hasSuffix("Đợt huyện") })
        #expect(line.contains("\t213\t"))
        let connection = try Connection(path: db)
        let codes = try connection.query(
            """
            SELECT u.code AS code, u.parent_id AS parent FROM campaign_units cu JOIN units u ON u.id = cu.unit_id
            JOIN campaigns c ON c.id = cu.campaign_id WHERE c.owner_unit_code = '213'
            """)
        let district = try #require(try connection.scalar("SELECT id FROM units WHERE code = '213'", as: Int64.self))
        #expect(!codes.isEmpty)
        for row in codes { #expect(try row.optionalInt64("parent") == district) }
    }
}
