import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Today's board over a known set of campaigns on Wednesday 12/06/2024 (the demo campaign closed first, so it
/// counts nothing): in district 213, A (PKS05, 16:30–17:00) over its desk 213, 07201 and 07204; B (PKS02,
/// 16:15–17:15) over 07201 and 07207, so 07201 is counted twice; a draft over 07210, a closed campaign over
/// 07213, one starting tomorrow over 07216; in district 215, E over its desk and 07243.
final class TodayWorld: Sendable {
    static let day = LocalDate(iso: "2024-06-12")!

    let app: TestApp
    let campaignA: Int64
    let campaignB: Int64
    let campaignE: Int64

    init() async throws {
        let app = try await TestApp()
        self.app = app
        try await app.addStandardUsers()
        try await app.addUser("xa07204", role: .commune, unit: "07204")
        try await app.addUser("xa07210", role: .commune, unit: "07210")
        let today = Self.day
        let demo = app.demoCampaignID
        let ids = try await app.pool.write { connection -> [Int64] in
            let store = CampaignStore(connection)
            try store.close(campaignID: demo, today: today)
            func create(
                _ form: String, _ title: String, _ codes: [String], state: CampaignState = .open,
                window: ReportingWindow = .standard, start: LocalDate = today.adding(days: -2)
            ) throws -> Int64 {
                var campaign = NewCampaign(formCode: form, title: title, startsOn: start, endsOn: today.adding(days: 4))
                campaign.scope = .units(codes)
                campaign.state = state
                campaign.window = window
                return try store.create(campaign, today: start, now: 0)
            }
            let a = try create("PKS05", "Đợt A một cửa", ["213", "07201", "07204"])
            let b = try create(
                "PKS02", "Đợt B người dân", ["07201", "07207"],
                window: ReportingWindow(startMinute: 16 * 60 + 15, endMinute: 17 * 60 + 15)!)
            _ = try create("PKS02", "Đợt nháp", ["07210"], state: .draft)
            let closed = try create("PKS02", "Đợt đã đóng", ["07213"])
            try store.close(campaignID: closed, today: today)
            _ = try create("PKS02", "Đợt ngày mai", ["07216"], start: today.adding(days: 1))
            let e = try create("PKS05", "Đợt E Yên Thế", ["215", "07243"])
            return [a, b, e]
        }
        campaignA = ids[0]
        campaignB = ids[1]
        campaignE = ids[2]
    }

    /// Sets the clock to a Hanoi time of the day and signs in afresh (a session idles out after two hours).
    func at(_ hour: Int, _ minute: Int, as username: String) async throws -> Browser {
        app.clock.set(Double(VietnamTime.instant(Self.day, hour: hour, minute: minute)))
        return try await app.signIn(username)
    }

    func board(as browser: Browser, _ query: String = "") async -> HTTPResponse {
        await app.get(SiteRoute.today.path + query, as: browser)
    }
}

extension HTTPResponse {
    /// The units table of today's board: code (from "Name (code)") → the row's cells by header.
    var todayUnits: [String: [String: String]] {
        guard let table = document.table(withHeader: "Tình trạng") else { return [:] }
        var byCode: [String: [String: String]] = [:]
        for row in table.rows {
            let unit = row["Đơn vị"] ?? ""
            guard let open = unit.lastIndex(of: "("), unit.hasSuffix(")") else { continue }
            let code = String(unit[unit.index(after: open)..<unit.index(before: unit.endIndex)])
            var cells: [String: String] = [:]
            for header in table.headers { cells[header] = row[header] ?? "" }
            byCode[code] = cells
        }
        return byCode
    }

    var todayCodes: [String] {
        (document.table(withHeader: "Tình trạng")?.column("Đơn vị") ?? []).map { unit in
            String(unit.split(separator: "(").last?.dropLast() ?? "")
        }
    }
}
