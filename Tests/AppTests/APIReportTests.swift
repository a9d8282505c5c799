import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// `PUT /api/v1/campaigns/{id}/communes/{code}/reports/{date}`: the page's window and late-entry rules, strict
/// JSON, and what lands in the database.
@Suite struct APIReportTests {
    @Test func windowEdges() async throws {
        let world = try await APIWorld()
        let path = world.reportPath("07201", APIWorld.wednesday)

        world.setClock(APIWorld.wednesday, 16, 29, 59)
        let early = await world.put(path, json: APIWorld.goodReport, as: "xa07201")
        #expect(early.status == .conflict)
        let earlyBody = try APIErrorBody(early)
        #expect(earlyBody.error == "outside_window")
        #expect(earlyBody.message.contains("Chưa đến giờ nhận báo cáo"))

        world.setClock(APIWorld.wednesday, 16, 30, 0)
        let opening = await world.put(path, json: APIWorld.goodReport, as: "xa07201")
        #expect(opening.status == .ok)
        let reportID = try await world.app.scalar("SELECT id FROM unit_daily_reports")
        #expect(
            opening.text
                == #"{"campaign":\#(world.campaignID),"code":"07201","date":"2024-06-12","on_time":true,"report_id":\#(reportID),"version":1}"#
        )
        #expect(opening.headers["Cache-Control"] == "no-store")

        world.setClock(APIWorld.wednesday, 16, 59, 59)
        let correction = await world.put(path, json: #"{"visitors": 15, "guided": 7, "volunteers": 0}"#, as: "xa07201")
        #expect(correction.status == .ok)
        #expect(correction.text.contains(#""version":2"#))

        world.setClock(APIWorld.wednesday, 17, 0, 0)
        let late = await world.put(path, json: APIWorld.goodReport, as: "xa07201")
        #expect(late.status == .conflict)
        let lateBody = try APIErrorBody(late)
        #expect(lateBody.error == "outside_window")
        #expect(lateBody.message.contains("Đã hết giờ nhận báo cáo"))

        // The correction is the current report; both versions are kept; the filings are in the audit log.
        let unitID = try await world.unitID("07201")
        let campaignID = world.campaignID
        let report = try #require(
            try await world.app.pool.read {
                try DailyReportStore($0).report(campaignID: campaignID, unitID: unitID, date: APIWorld.wednesday)
            })
        #expect(report.visitors == 15 && report.guided == 7 && report.volunteers == 0 && report.staffOnDuty == 0)
        #expect(report.publicity.isEmpty && report.difficulties.isEmpty)
        #expect(report.onTime && report.version == 2)
        #expect(report.submittedBy == (try await world.app.userID("xa07201")))
        let first = try #require(
            try await world.app.pool.read { try DailyReportStore($0).versions(reportID: report.id) }.first)
        #expect(first.visitors == 12 && first.guided == 6 && first.volunteers == 1 && first.staffOnDuty == 2)
        #expect(first.publicity == [.noticeBoard, .loudspeaker])
        #expect(first.difficulties == "Mất điện buổi chiều")
        #expect(
            try await world.app.scalar(
                "SELECT count(*) FROM audit_log WHERE action = ? AND detail LIKE ?",
                [AuditAction.dailyReportSubmit.rawValue, "%qua API"]) == 2)

        // The dashboards' numbers follow.
        let communes = await world.get("/api/v1/campaigns/\(world.campaignID)/communes", as: "xa07201")
        #expect(communes.text.contains(#""reports_on_time":1"#) && communes.text.contains(#""visitors":15"#))
        await world.close()
    }

    @Test func onlyTodayUnlessTheDistrictOpensLateEntry() async throws {
        let world = try await APIWorld()
        world.setClock(APIWorld.wednesday, 16, 45)
        let yesterday = await world.put(
            world.reportPath("07201", APIWorld.tuesday), json: APIWorld.goodReport,
            as: "xa07201")
        #expect(yesterday.status == .conflict)
        #expect(try APIErrorBody(yesterday).error == "not_today")
        let tomorrow = await world.put(
            world.reportPath("07201", LocalDate(iso: "2024-06-13")!),
            json: APIWorld.goodReport, as: "xa07201")
        #expect(tomorrow.status == .conflict)
        #expect(try APIErrorBody(tomorrow).error == "not_today")
        let afterCampaign = await world.put(
            world.reportPath("07201", LocalDate(iso: "2024-06-20")!),
            json: APIWorld.goodReport, as: "xa07201")
        #expect(afterCampaign.status == .conflict)
        #expect(try APIErrorBody(afterCampaign).error == "not_in_campaign")
        for badDate in ["2024-02-30", "12-06-2024", "hom-nay"] {
            let response = await world.put(
                "/api/v1/campaigns/\(world.campaignID)/communes/07201/reports/\(badDate)",
                json: APIWorld.goodReport, as: "xa07201")
            #expect(response.status == .notFound, "\(badDate)")
        }

        // A district's late-entry opening lets the commune file yesterday's report, marked late.
        world.setClock(APIWorld.wednesday, 9, 0)
        let unitID = try await world.unitID("07201")
        let campaignID = world.campaignID
        let now = world.app.clock.nowSeconds
        try await world.app.pool.write {
            try LateEntryStore($0).open(
                campaignID: campaignID, unitID: unitID, date: APIWorld.tuesday,
                reason: "Mất mạng", by: ReportFixture.user(1, role: .district), now: now)
        }
        world.setClock(APIWorld.wednesday, 9, 30)
        let opened = await world.put(
            world.reportPath("07201", APIWorld.tuesday), json: APIWorld.goodReport,
            as: "xa07201")
        #expect(opened.status == .ok)
        #expect(opened.text.contains(#""on_time":false"#))

        // A campaign closed by hand takes no reports.
        try await world.app.pool.write {
            try CampaignStore($0).close(campaignID: campaignID, today: APIWorld.wednesday)
        }
        world.setClock(APIWorld.wednesday, 16, 45)
        let closed = await world.put(
            world.reportPath("07201", APIWorld.wednesday), json: APIWorld.goodReport,
            as: "xa07201")
        #expect(closed.status == .conflict)
        #expect(try APIErrorBody(closed).error == "campaign_not_open")
        await world.close()
    }

    /// Each bad body and the key its 422 names (nil: the body as a whole).
    static let invalidBodies: [(body: String, field: String?)] = [
        ("{", nil),
        ("", nil),
        ("[]", nil),
        ("12", nil),
        (#"{"visitors": "12", "guided": 6, "volunteers": 1}"#, "visitors"),
        (#"{"visitors": 12.5, "guided": 6, "volunteers": 1}"#, "visitors"),
        (#"{"visitors": true, "guided": 6, "volunteers": 1}"#, "visitors"),
        (#"{"visitors": null, "guided": 6, "volunteers": 1}"#, "visitors"),
        (#"{"visitors": -1, "guided": 6, "volunteers": 1}"#, "visitors"),
        (#"{"visitors": 100001, "guided": 6, "volunteers": 1}"#, "visitors"),
        (#"{"visitors": 99999999999999999999999, "guided": 6, "volunteers": 1}"#, "visitors"),
        (#"{"visitors": 12, "volunteers": 1}"#, "guided"),
        (#"{"visitors": 12, "guided": 6}"#, "volunteers"),
        (#"{"visitors": 12, "guided": 6, "volunteers": 1, "staff": -2}"#, "staff"),
        (#"{"visitors": 12, "guided": 6, "volunteers": 1, "visitor": 3}"#, "visitor"),
        (#"{"visitors": 12, "guided": 6, "volunteers": 1, "publicity": ["radio"]}"#, "publicity"),
        (#"{"visitors": 12, "guided": 6, "volunteers": 1, "publicity": "loa"}"#, "publicity"),
        (#"{"visitors": 12, "guided": 6, "volunteers": 1, "notes": 5}"#, "notes"),
        (
            #"{"visitors": 12, "guided": 6, "volunteers": 1, "notes": "\#(String(repeating: "ý", count: 2001))"}"#,
            "notes"
        ),
        (
            #"{"visitors": 12, "guided": 6, "volunteers": 1, "proposals": "\#(String(repeating: "a", count: 2001))"}"#,
            "proposals"
        ),
        (#"{"visitors": 12, "guided": 6, "volunteers": 1, "notes": "\#(String(repeating: "a", count: 70_000))"}"#, nil),
    ]

    @Test func invalidBodiesAre422AndStoreNothing() async throws {
        let world = try await APIWorld()
        world.setClock(APIWorld.wednesday, 16, 45)
        let path = world.reportPath("07201", APIWorld.wednesday)
        for (body, field) in Self.invalidBodies {
            let response = await world.put(path, json: body, as: "xa07201")
            #expect(response.status == .unprocessableContent, "\(body.prefix(80))")
            let error = try APIErrorBody(response)
            #expect(error.error == "invalid")
            #expect(!error.message.isEmpty)
            if let field {
                #expect(error.fields.map { Array($0.keys) } == [field], "\(body.prefix(80)): \(error.message)")
            } else {
                #expect(error.fields?.isEmpty == true, "\(body.prefix(80)): \(error.message)")
            }
        }
        let wrongType = await world.put(path, json: APIWorld.goodReport, as: "xa07201", contentType: "text/plain")
        #expect(wrongType.status == .unsupportedMediaType)
        #expect(try await world.app.scalar("SELECT count(*) FROM unit_daily_reports") == 0)

        // Without a Content-Type, a JSON body is still taken; with a charset too.
        #expect(await world.put(path, json: APIWorld.goodReport, as: "xa07201", contentType: nil).status == .ok)
        #expect(
            await world.put(
                path, json: APIWorld.goodReport, as: "xa07201",
                contentType: "application/json; charset=utf-8"
            ).status == .ok)
        #expect(try await world.app.scalar("SELECT version FROM unit_daily_reports") == 2)
        await world.close()
    }
}
