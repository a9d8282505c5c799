import Crypto
import Database
import Foundation
import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// A TestApp with the standard accounts (tinh24, huyen213, huyen215, xa07201, xa07243), one API token each, and a
/// small PKS02 campaign over four communes (07201, 07204, 07207 of district 213; 07243 of district 215),
/// 10–16/06/2024. The clock stands at Wednesday 12/06/2024 10:00.
final class APIWorld: Sendable {
    static let communeCodes = ["07201", "07204", "07207", "07243"]
    static let monday = LocalDate(iso: "2024-06-10")!
    static let tuesday = LocalDate(iso: "2024-06-11")!
    static let wednesday = LocalDate(iso: "2024-06-12")!

    let app: TestApp
    let tokens: [String: String]
    let campaignID: Int64

    init() async throws {
        app = try await TestApp()
        try await app.addStandardUsers()
        var tokens: [String: String] = [:]
        for account in Accounts.all {
            tokens[account.username] = try await Self.addToken(app, for: account.username).token
        }
        self.tokens = tokens
        campaignID = try await Self.createCampaign(
            app, title: "Đợt thử API", scope: .units(Self.communeCodes),
            start: Self.monday, end: LocalDate(iso: "2024-06-16")!)
    }

    func close() async { await app.close() }

    static func addToken(_ app: TestApp, for username: String) async throws -> (id: Int64, token: String) {
        let today = app.clock.today
        let now = app.clock.nowSeconds
        return try await app.pool.write {
            try AccountAdmin($0, today: today, now: now).addToken(username: username, name: "công cụ báo cáo")
        }
    }

    @discardableResult
    static func createCampaign(
        _ app: TestApp, title: String, scope: CampaignScope, start: LocalDate, end: LocalDate,
        state: CampaignState = .open
    ) async throws -> Int64 {
        let today = app.clock.today
        return try await app.pool.write { connection in
            var campaign = NewCampaign(formCode: "PKS02", title: title, startsOn: start, endsOn: end)
            campaign.scope = scope
            campaign.state = state
            return try CampaignStore(connection).create(campaign, today: today, now: 0)
        }
    }

    // MARK: - Requests

    func get(_ path: String, as username: String) async -> HTTPResponse {
        await app.get(path, headers: [("Authorization", "Bearer \(tokens[username] ?? "")")])
    }

    func put(
        _ path: String, json: String, as username: String,
        contentType: String? = "application/json"
    ) async -> HTTPResponse {
        var headers = [("Authorization", "Bearer \(tokens[username] ?? "")")]
        if let contentType { headers.append(("Content-Type", contentType)) }
        return await app.send(.put, path, body: Array(json.utf8), headers: headers)
    }

    func reportPath(_ code: String, _ date: LocalDate, campaign: Int64? = nil) -> String {
        "/api/v1/campaigns/\(campaign ?? campaignID)/communes/\(code)/reports/\(date.iso)"
    }

    static let goodReport =
        #"{"visitors": 12, "guided": 6, "volunteers": 1, "staff": 2, "publicity": ["niem_yet", "loa"], "notes": "Mất điện buổi chiều"}"#

    /// Moves the clock to a Hanoi wall-clock time.
    func setClock(_ date: LocalDate, _ hour: Int, _ minute: Int, _ second: Int = 0) {
        app.clock.set(Double(VietnamTime.instant(date, hour: hour, minute: minute, second: second)))
    }

    // MARK: - Data

    func unitID(_ code: String) async throws -> Int64 {
        try #require(
            try await app.pool.read { connection -> Int64? in
                guard let setID = try UnitStore(connection).unitSetID(inForceOn: LocalDate(iso: "2024-06-12")!) else {
                    return nil
                }
                return try UnitStore(connection).unit(code: code, inSet: setID)?.id
            })
    }

    /// Files a report through DailyReportStore at 16:45 of its own day, as the work team would.
    func file(_ code: String, on date: LocalDate, visitors: Int) async throws {
        let draft = DailyReportDraft(
            campaignID: campaignID, unitID: try await unitID(code), date: date,
            visitors: visitors, guided: visitors / 2, staffOnDuty: 2, volunteers: 1)
        let now = VietnamTime.instant(date, hour: 16, minute: 45)
        try await app.pool.write { _ = try DailyReportStore($0).submit(draft, by: ReportFixture.user(1), now: now) }
    }

    /// Stores real responses through ResponseStore: `positive` answering every question with its first option
    /// (all positive in PKS02), `negative` with its last (all negative).
    func answer(_ code: String, on date: LocalDate, positive: Int, negative: Int = 0) async throws {
        let unitID = try await unitID(code)
        let campaignID = campaignID
        try await app.pool.write { connection in
            guard let campaign = try CampaignStore(connection).campaign(id: campaignID),
                let form = try FormStore(connection).definition(formVersionID: campaign.formVersionID)
            else {
                throw CampaignStoreError(description: "test campaign missing")
            }
            for index in 0..<(positive + negative) {
                var fields: [String: [String]] = [:]
                for question in form.questions where question.kind.isChoice {
                    let option = index < positive ? question.options.first : question.options.last
                    if let option { fields[question.code] = [String(option.id)] }
                }
                guard case .success(let answers) = AnswerValidator(form: form).validate(fields) else {
                    throw CampaignStoreError(description: "test answers do not validate")
                }
                _ = try ResponseStore(connection).store(
                    Submission(
                        campaignID: campaignID, unitID: unitID, submissionID: SecureRandom.token(byteCount: 12),
                        submittedAt: VietnamTime.instant(date, hour: 9, minute: 0, second: index), channel: .phone,
                        fillSeconds: 60, networkHash: nil, answers: answers, respondent: nil))
            }
        }
    }

    /// The hand-made data set of APIDataTests (see there for the expected numbers).
    func fillDataSet() async throws {
        try await file("07201", on: Self.monday, visitors: 10)
        try await file("07201", on: Self.tuesday, visitors: 6)
        try await answer("07201", on: Self.monday, positive: 5)
        try await answer("07201", on: Self.tuesday, positive: 0, negative: 1)
        try await file("07204", on: Self.tuesday, visitors: 4)
        try await answer("07204", on: Self.tuesday, positive: 3)
        try await answer("07207", on: Self.monday, positive: 1, negative: 1)
        try await file("07243", on: Self.monday, visitors: 2)
        try await answer("07243", on: Self.monday, positive: 3, negative: 1)
    }
}

/// `{"error": ..., "message": ...}` (and `fields` for a 422 body).
struct APIErrorBody: Decodable {
    let error: String
    let message: String
    let fields: [String: String]?

    init(_ response: HTTPResponse) throws {
        self = try JSONDecoder().decode(APIErrorBody.self, from: Data(response.body))
    }
}
