import App
import ArgumentParser
import Database
import Foundation
import Store
import Survey

/// For load tests: a render token as the form page of one campaign and unit would carry it, issued `--age`
/// seconds ago so it is already past the minimum fill time. The token is reusable; each POST still needs its own
/// 22-character `sid`. It is valid on any server with the same secret (QCDC_SECRET or the key file) and the same
/// campaign and unit ids, e.g. a database seeded the same way.
struct RenderTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-token",
        abstract: "Print a signed form render token (for load tests and scripted submissions).")

    @OptionGroup var database: DatabaseOption

    @Option(help: "Campaign id.")
    var campaign: Int64

    @Option(help: "Unit code, as in the form's URL (/s/CAMPAIGN/UNIT).")
    var unit: String

    @Option(help: "Seconds since the token was issued (at least the minimum fill time of 4 s, at most a day).")
    var age: Int64 = 60

    @Flag(
        name: .customLong("show-ids"),
        help: "Also print the campaign and unit ids on standard error, to check two databases agree.")
    var showIDs = false

    func run() throws {
        guard (4...86_000).contains(age) else { throw ValidationError("--age phải từ 4 đến 86000 giây.") }
        let secret = try ServerSecret.load(
            environmentValue: ProcessInfo.processInfo.environment["QCDC_SECRET"],
            keyFile: database.keyFilePath)
        let connection = try Connection(path: database.resolvedPath)
        guard let record = try CampaignStore(connection).campaign(id: campaign) else {
            throw ValidationError("Không có đợt khảo sát số \(campaign).")
        }
        guard let unitRecord = try UnitStore(connection).unit(code: unit, inSet: record.unitSetID),
            try CampaignStore(connection).includes(campaignID: campaign, unitID: unitRecord.id)
        else {
            throw ValidationError("Đơn vị \(unit) không thuộc đợt khảo sát số \(campaign).")
        }
        let issuedAt = SystemClock.wall.nowSeconds - age
        if showIDs {
            FileHandle.standardError.write(Data("campaign \(campaign) unit \(unit) id \(unitRecord.id)\n".utf8))
        }
        print(RenderTokenIssuer.token(campaignID: campaign, unitID: unitRecord.id, issuedAt: issuedAt, secret: secret))
    }
}
