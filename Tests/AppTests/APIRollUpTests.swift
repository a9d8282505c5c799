import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Satisfaction per question over a scope and the districts' year lines, over APIWorld's data set (see
/// APIDataTests): every PKS02 answer is all-first (every evaluative answer positive) or all-last (every one
/// negative), so each evaluative question counts every answer of the scope and its share is the scope's.
@Suite struct APIRollUpTests {
    @Test func satisfactionPerQuestionIsTheDashboardTableOverTheScope() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let path = SiteRoute.apiSatisfaction(campaign: world.campaignID).path
        // 12 of 15 positive in the province, 9 of 11 in Thành phố, 5 of 6 in 07201.
        for (user, answers, share) in [("tinh24", 15, 0.8), ("huyen213", 11, 0.8182), ("xa07201", 6, 0.8333)] {
            let response = await world.get(path, as: user)
            #expect(response.status == .ok, "\(user)")
            let questions = try APIFiguresTests.array(response)
            let evaluative = questions.filter { $0["evaluative"] as? Bool == true }
            #expect(!evaluative.isEmpty, "\(user)")
            for question in evaluative {
                #expect(question["answers"] as? Int == answers, "\(user) \(question["number"] ?? "")")
                #expect(question["satisfied_share"] as? Double == share, "\(user) \(question["number"] ?? "")")
            }
            #expect(
                questions.filter { $0["evaluative"] as? Bool == false }.allSatisfy { $0["satisfied_share"] is NSNull })
        }
        // The province's dashboard shows the same table: every evaluative row 15 answers at 80,0%.
        let browser = try await world.app.signIn("tinh24")
        let page = await world.app.get(SiteRoute.dashboard(campaign: world.campaignID).path, as: browser).document
        let table = try #require(page.table(class: "questions"))
        let provinceQuestions = try APIFiguresTests.array(await world.get(path, as: "tinh24"))
        #expect(table.rows.count == provinceQuestions.filter { $0["evaluative"] as? Bool == true }.count)
        #expect(table.column("Số trả lời")?.allSatisfy { $0 == "15" } == true)
        #expect(table.column("Hài lòng")?.allSatisfy { $0 == "80,0%" } == true)
        let yenThe = try APIFiguresTests.array(await world.get(path, as: "huyen215"))
        #expect(
            yenThe.filter { $0["evaluative"] as? Bool == true }.allSatisfy { $0["satisfied_share"] as? Double == 0.75 })
        let unknown = await world.get(SiteRoute.apiSatisfaction(campaign: 999_999).path, as: "tinh24")
        #expect(unknown.status == .notFound)
        await world.close()
    }

    /// Thành phố's 2024 pools its communes: 11 answers, (5 + 3 + 1) / 11 satisfied; Yên Thế 4 answers at 0.75.
    /// Both are below the index's minimum of 30 answers: unranked.
    @Test func yearDistrictsAreTheRankingsLinesOfTheScope() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let path = SiteRoute.apiYearDistricts(year: 2024).path
        let city =
            #"{"code":"213","forms":{"PKS02":{"answers":11,"satisfied_share":0.8182}},"name":"Thành phố Bắc Giang","rank_in_province":null,"satisfaction_index":null,"unranked_reason":"too_few_answers"}"#
        let yenThe =
            #"{"code":"215","forms":{"PKS02":{"answers":4,"satisfied_share":0.75}},"name":"Huyện Yên Thế","rank_in_province":null,"satisfaction_index":null,"unranked_reason":"too_few_answers"}"#
        let province = await world.get(path, as: "tinh24")
        #expect(province.status == .ok)
        #expect(province.headers["Cache-Control"] == APIList.cacheControl, "a list")
        #expect(province.text.contains(city) && province.text.contains(yenThe))
        let codes = try APIFiguresTests.array(province).compactMap { $0["code"] as? String }
        #expect(codes == codes.sorted())
        #expect(await world.get(path, as: "huyen213").text == "[\(city)]")
        #expect(await world.get(path, as: "xa07243").text == "[\(yenThe)]")
        let old = await world.get(SiteRoute.apiYearDistricts(year: 1999).path, as: "tinh24")
        #expect(old.status == .notFound)
        #expect(try APIErrorBody(old).error == "not_found")
        await world.close()
    }
}
