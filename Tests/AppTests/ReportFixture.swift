import Crypto
import Database
import Foundation
import Survey

@testable import App
@testable import Store

/// A migrated SQLite file in its own folder with the Bắc Giang 2024 unit set and a small PKS02 campaign over four
/// communes (three of Thành phố Bắc Giang, one of Huyện Yên Thế), 10–16/06/2024. Used directly through a
/// `Connection`: the report layer is plain Swift over a connection, like the stores.
final class ReportFixture {
    static let campaignStart = LocalDate(iso: "2024-06-10")!
    static let campaignEnd = LocalDate(iso: "2024-06-16")!
    /// Wednesday 12/06/2024, the fixture's "today".
    static let today = LocalDate(iso: "2024-06-12")!
    static let communeCodes = ["07201", "07204", "07207", "07243"]

    let folder: String
    let connection: Connection
    let unitSetID: Int64
    let campaignID: Int64

    init(formCode: String = "PKS02", codes: [String] = ReportFixture.communeCodes) throws {
        folder = NSTemporaryDirectory() + "qcdc-reports-" + SecureRandom.token(byteCount: 9)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/qcdc.sqlite3"
        try AppDatabase.migrate(path: path)
        connection = try Connection(path: path)
        unitSetID = try Self.importUnits(connection, file: "bac_giang_2024.csv", effective: "2024-01-01")
        campaignID = try Self.createCampaign(connection, formCode: formCode, codes: codes, today: Self.today)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    static func importUnits(_ connection: Connection, file: String, effective: String) throws -> Int64 {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: TestApp.repositoryRoot + "/Seeds/" + file)))
        let outcome = try UnitStore(connection).importSet(
            try UnitList(csv: bytes), effective: LocalDate(iso: effective)!, sourceName: file,
            checksum: SHA256.hex(bytes), now: 0)
        switch outcome {
        case .imported(let id, _), .unchanged(let id): return id
        }
    }

    /// Bound to the form's seeded version 1 unless `latestVersion`, as a campaign created before migration 0021
    /// added newer versions: the hand counts of the tests name that version's option ids (0004_seed_forms.sql: 2021
    /// is PKS02 question 2, option 1). A new campaign has no answers, so rebinding it changes nothing collected.
    @discardableResult
    static func createCampaign(
        _ connection: Connection, formCode: String, codes: [String], today: LocalDate,
        start: LocalDate = campaignStart, end: LocalDate = campaignEnd, latestVersion: Bool = false
    ) throws -> Int64 {
        var campaign = NewCampaign(formCode: formCode, title: "Đợt thử \(formCode)", startsOn: start, endsOn: end)
        campaign.scope = .units(codes)
        let id = try CampaignStore(connection).create(campaign, today: today, now: 0)
        if !latestVersion { try bindToSeededVersion(connection, campaign: id) }
        return id
    }

    static func bindToSeededVersion(_ connection: Connection, campaign id: Int64) throws {
        try connection.run(
            """
            UPDATE campaigns SET form_version_id = (
                SELECT v1.id FROM form_versions v1
                WHERE v1.version = 1
                  AND v1.form_id = (SELECT v.form_id FROM form_versions v WHERE v.id = campaigns.form_version_id))
            WHERE id = ?
            """, [id])
    }

    func unitID(_ code: String) throws -> Int64 {
        guard let unit = try UnitStore(connection).unit(code: code, inSet: unitSetID) else {
            throw CampaignStoreError(description: "no unit \(code) in the fixture")
        }
        return unit.id
    }

    /// A signed-in user for the stores' audit entries (a browser session; `api` for a bearer token).
    static func user(_ id: Int64, role: Role = .commune, api: Bool = false) -> AuthenticatedUser {
        AuthenticatedUser(
            id: id, username: "nguoidung\(id)", role: role, unitID: 0, unitCode: "", unitName: "",
            mustChangePassword: false, viaAPIToken: api)
    }

    /// Unix seconds of a Hanoi wall-clock time.
    static func at(_ date: LocalDate, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Int64 {
        VietnamTime.instant(date, hour: hour, minute: minute, second: second)
    }

    func draft(
        _ code: String, on date: LocalDate = ReportFixture.today, visitors: Int,
        campaignID: Int64? = nil
    ) throws -> DailyReportDraft {
        DailyReportDraft(
            campaignID: campaignID ?? self.campaignID, unitID: try unitID(code), date: date,
            visitors: visitors, guided: visitors / 2, staffOnDuty: 2, volunteers: 1,
            publicity: [.noticeBoard, .loudspeaker], difficulties: "", proposals: "")
    }

    /// Files a report inside the window of its own date (16:45), as the work team would.
    @discardableResult
    func file(_ code: String, on date: LocalDate, visitors: Int) throws -> DailyReportReceipt {
        try DailyReportStore(connection).submit(
            try draft(code, on: date, visitors: visitors),
            by: ReportFixture.user(7),
            now: Self.at(date, 16, 45))
    }

    /// Adds answers straight into the counters, as ResponseStore does for each response.
    func addCounts(
        _ code: String, on date: LocalDate, answers: Int, options: [Int64: Int] = [:],
        campaignID: Int64? = nil
    ) throws {
        let campaign = campaignID ?? self.campaignID
        let unit = try unitID(code)
        try connection.run(
            """
            INSERT INTO daily_answer_counts (campaign_id, unit_id, local_date, answers) VALUES (?, ?, ?, ?)
            ON CONFLICT (campaign_id, unit_id, local_date) DO UPDATE SET answers = answers + excluded.answers
            """, [campaign, unit, date.iso, answers])
        for (option, count) in options {
            try connection.run(
                """
                INSERT INTO option_counts (campaign_id, unit_id, option_id, answers) VALUES (?, ?, ?, ?)
                ON CONFLICT (campaign_id, unit_id, option_id) DO UPDATE SET answers = answers + excluded.answers
                """, [campaign, unit, option, count])
        }
    }

    /// Stores real responses through ResponseStore: every choice question answered with the option `pick`
    /// returns (the first by default), required texts filled in, then `fields` as given (question code → values,
    /// [] to leave a question out).
    @discardableResult
    func storeResponses(
        _ code: String, on date: LocalDate, count: Int, hour: Int = 10, fields overrides: [String: [String]] = [:],
        pick: (QuestionDefinition) -> OptionDefinition? = { $0.options.first }
    ) throws -> [Int64] {
        guard let campaign = try CampaignStore(connection).campaign(id: campaignID),
            let form = try FormStore(connection).definition(formVersionID: campaign.formVersionID)
        else {
            throw CampaignStoreError(description: "fixture campaign missing")
        }
        var fields: [String: [String]] = [:]
        for question in form.questions {
            if question.kind.isChoice {
                if let option = pick(question) { fields[question.code] = [String(option.id)] }
            } else if question.required {
                fields[question.code] = ["Ý kiến"]
            }
        }
        fields.merge(overrides) { $1 }
        guard case .success(let answers) = AnswerValidator(form: form).validate(fields) else {
            throw CampaignStoreError(description: "fixture answers do not validate")
        }
        let unit = try unitID(code)
        var stored: [Int64] = []
        for index in 0..<count {
            let submission = Submission(
                campaignID: campaignID, unitID: unit, submissionID: SecureRandom.token(byteCount: 12),
                submittedAt: Self.at(date, hour, 0, index % 60), channel: .phone, fillSeconds: 60,
                networkHash: nil, answers: answers, respondent: nil)
            if case .stored(let id) = try ResponseStore(connection).store(submission) { stored.append(id) }
        }
        return stored
    }
}
