import App
import ArgumentParser
import Database
import Foundation
import Store
import Survey

/// For load tests: render tokens as the form page of one campaign and unit would carry them, issued `--age`
/// seconds ago so they are already past the minimum fill time. Each token carries its own submission id and stores
/// at most one answer, so a load test mints one per request it will send (`--count`, one per line). They are valid
/// on any server with the same secret (QCDC_SECRET or the key file) and the same campaign and unit ids, e.g. a
/// database seeded the same way.
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

    @Option(help: "How many tokens to print, one per line (each stores one answer).")
    var count: Int = 1

    @Flag(
        name: .customLong("show-ids"),
        help: "Also print the campaign and unit ids on standard error, to check two databases agree.")
    var showIDs = false

    func run() throws {
        guard (4...86_000).contains(age) else { throw ValidationError("--age phải từ 4 đến 86000 giây.") }
        guard (1...10_000_000).contains(count) else { throw ValidationError("--count phải từ 1 đến 10000000.") }
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
        let tokens = RenderTokenIssuer.tokens(
            count: count, campaignID: campaign, unitID: unitRecord.id, issuedAt: issuedAt, secret: secret)
        // One write per block of lines: a million tokens is a 100 MB file.
        var block = ""
        for token in tokens {
            block += token
            block += "\n"
            if block.utf8.count >= 1 << 20 {
                FileHandle.standardOutput.write(Data(block.utf8))
                block = ""
            }
        }
        FileHandle.standardOutput.write(Data(block.utf8))
    }
}
