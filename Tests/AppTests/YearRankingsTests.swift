import Survey
import Testing

@testable import App
@testable import Store

/// The year's rankings on YearFixture's hand-computed figures: the index, renormalisation, the minimum, ties,
/// the weights as data, districts, and a campaign spanning two years.
@Suite struct YearRankingsTests {
    func line(_ rankings: YearRankings, _ code: String) throws -> YearUnitResult {
        try #require(rankings.communes.first { $0.code == code })
    }

    @Test func indexRanksAndTies() throws {
        let fixture = try YearFixture()
        let rankings = try YearStore(fixture.connection).rankings(year: 2024)
        #expect(rankings.campaigns == 2)
        #expect(rankings.formCodes == ["PKS02", "PKS05"])
        #expect(rankings.communes.map(\.code) == ["07201", "07204", "07207", "07243"])
        let first = try line(rankings, "07201")
        #expect(abs((first.outcome.value ?? 0) - 0.75) < 1e-12)
        #expect(first.forms["PKS05"] == .init(answers: 10, satisfiedShare: 0.6))
        // 07204 and 07243 tie at 0.8 (07243 through PKS02 alone, weights renormalised): both first, 07201 third.
        #expect(try line(rankings, "07204").rankInProvince == 1)
        #expect(try line(rankings, "07243").rankInProvince == 1)
        #expect(first.rankInProvince == 3)
        #expect(first.rankInDistrict == 2)
        #expect(try line(rankings, "07204").rankInDistrict == 1)
        #expect(try line(rankings, "07243").rankInDistrict == 1)
        let few = try line(rankings, "07207")
        #expect(few.outcome == .unranked(.tooFewAnswers(minimum: 10)))
        #expect(few.rankInProvince == nil && few.rankInDistrict == nil)
        let ordered = YearRankings.ordered(rankings.communes, by: \.rankInProvince).map { rankings.communes[$0].code }
        #expect(ordered == ["07204", "07243", "07201", "07207"])
        // Districts from their communes' pooled figures: 213 has PKS02 (18+16+5)/45 and PKS05 14/20.
        let district = try #require(rankings.districts.first { $0.code == "213" })
        #expect(abs((district.outcome.value ?? 0) - (39.0 / 45 + 0.7) / 2) < 1e-12)
        #expect(district.rankInProvince == 2)
        #expect(rankings.districts.first { $0.code == "215" }?.rankInProvince == 1)
    }

    @Test func weightsAreDataAndChangeTheIndex() throws {
        let fixture = try YearFixture()
        try IndexWeights(fixture.connection).set(formCode: "PKS05", weight: 3, now: 0)
        let rankings = try YearStore(fixture.connection).rankings(year: 2024)
        // (1 × 0.9 + 3 × 0.6) / 4 = 0.675
        #expect(abs((try line(rankings, "07201").outcome.value ?? 0) - 0.675) < 1e-12)
        // With PKS05 at zero it is out of the index: 07201 stands on PKS02 alone.
        try IndexWeights(fixture.connection).set(formCode: "PKS05", weight: 0, now: 0)
        let zero = try YearStore(fixture.connection).rankings(year: 2024)
        #expect(abs((try line(zero, "07201").outcome.value ?? 0) - 0.9) < 1e-12)
        #expect(try line(zero, "07201").rankInProvince == 1)
        #expect(throws: IndexWeightError.invalidWeight) {
            try IndexWeights(fixture.connection).set(formCode: "PKS02", weight: -1, now: 0)
        }
        #expect(throws: IndexWeightError.unknownForm) {
            try IndexWeights(fixture.connection).set(formCode: "PKS99", weight: 1, now: 0)
        }
    }

    @Test func aCampaignSpanningTwoYearsCountsItsDaysInEach() throws {
        let fixture = try YearFixture()
        let start = LocalDate(iso: "2024-12-30")!
        let spanning = try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS03", codes: ["07201"], today: start, start: start,
            end: LocalDate(iso: "2025-01-02")!)
        try fixture.answer("07201", campaign: spanning, on: LocalDate(iso: "2024-12-31")!, positive: 10, negative: 0)
        try fixture.answer("07201", campaign: spanning, on: LocalDate(iso: "2025-01-01")!, positive: 0, negative: 30)
        // The campaign's share is not dated: (10 + 0) / 40 = 0.25 in both years, with each year's answers.
        let last = try line(try YearStore(fixture.connection).rankings(year: 2024), "07201")
        #expect(last.forms["PKS03"] == .init(answers: 10, satisfiedShare: 0.25))
        #expect(abs((last.outcome.value ?? 0) - (0.9 + 0.6 + 0.25) / 3) < 1e-12)
        let next = try YearStore(fixture.connection).rankings(year: 2025)
        #expect(next.campaigns == 1)
        #expect(try line(next, "07201").forms == ["PKS03": .init(answers: 30, satisfiedShare: 0.25)])
        // The commune's year page counts the same days, and the quarter they fall in.
        let page = try #require(
            try YearStore(fixture.connection).communeYear(
                code: "07201", year: 2025, today: LocalDate(iso: "2025-03-01")!, now: 0))
        #expect(page.forms.first { $0.code == "PKS03" }?.result == .init(answers: 30, satisfiedShare: 0.25))
        #expect(page.forms.first { $0.code == "PKS03" }?.campaigns.first?.spansYears == true)
        #expect(page.quarters.map(\.answers) == [30, 0, 0, 0])
    }

    @Test func theCommuneYearWithAndWithoutEachForm() throws {
        let fixture = try YearFixture()
        let store = YearStore(fixture.connection)
        let year = try #require(
            try store.communeYear(code: "07201", year: 2024, today: YearFixture.endOfYear, now: 0))
        #expect(year.forms.map(\.code) == ["PKS01", "PKS02", "PKS03", "PKS04", "PKS05", "PKS06", "PKS07"])
        #expect(year.forms.filter { !$0.campaigns.isEmpty }.map(\.code) == ["PKS02", "PKS05"])
        #expect(year.answers == 30)
        #expect(abs((year.outcome.value ?? 0) - 0.75) < 1e-12)
        // Quarters: June's 20 answers at 0.9 in Q2, September's 10 at 0.6 in Q3.
        #expect(year.quarters.map(\.answers) == [0, 20, 10, 0])
        #expect(year.quarters.map(\.satisfiedShare) == [nil, 0.9, 0.6, nil])
        // Seven June days and five September days, none reported: all missing by the end of the year.
        #expect(year.punctuality.missing == 12)
        let pks02 = try #require(year.forms.first { $0.code == "PKS02" })
        #expect(pks02.counted && pks02.result == .init(answers: 20, satisfiedShare: 0.9))
        #expect(pks02.questions.first?.validAnswers == 20 && pks02.questions.first?.positiveAnswers == 18)
        let other = try #require(
            try store.communeYear(code: "07243", year: 2024, today: YearFixture.endOfYear, now: 0))
        #expect(other.forms.filter { !$0.campaigns.isEmpty }.map(\.code) == ["PKS02"])
        #expect(abs((other.outcome.value ?? 0) - 0.8) < 1e-12)
        // Unknown codes and a district are no commune.
        #expect(try store.communeYear(code: "99999", year: 2024, today: YearFixture.endOfYear, now: 0) == nil)
        #expect(try store.communeYear(code: "213", year: 2024, today: YearFixture.endOfYear, now: 0) == nil)
        // A year without campaigns: every form says so and nothing is ranked.
        let empty = try #require(
            try store.communeYear(code: "07201", year: 2023, today: YearFixture.endOfYear, now: 0))
        #expect(empty.forms.allSatisfy { $0.campaigns.isEmpty })
        #expect(empty.outcome == .unranked(.noAnswers))
    }
}

/// The year API's byte writer gives exactly what `JSONEncoder` gives for the same communes.
@Suite struct APIYearCommuneListTests {
    @Test func bytesMatchTheEncoder() async throws {
        let fixture = try YearFixture()
        let start = LocalDate(iso: "2024-12-30")!
        let spanning = try ReportFixture.createCampaign(
            fixture.connection, formCode: "PKS03", codes: ["07201"], today: start, start: start,
            end: LocalDate(iso: "2025-01-02")!)
        try fixture.answer("07201", campaign: spanning, on: LocalDate(iso: "2024-12-31")!, positive: 1, negative: 2)
        let communes = try YearStore(fixture.connection).rankings(year: 2024).communes
        let bytes = try #require(APIYearCommuneList.json(communes))
        let reference = try APIJSON.response(communes.map { APIYearCommune($0) })
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: reference.body, as: UTF8.self))
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""satisfied_share":0.3333"#))
        // With dossiers: the four fields filled, the same bytes as the encoder's.
        let dossiers = [
            "07201": APIYearDossier(state: "submitted", selfScore: 85.25, districtScore: nil, recognised: nil),
            "07204": APIYearDossier(state: "decided", selfScore: 90, districtScore: 88.5, recognised: true),
        ]
        let filled = try #require(APIYearCommuneList.json(communes, dossiers: dossiers))
        let filledReference = try APIJSON.response(communes.map { APIYearCommune($0, dossier: dossiers[$0.code]) })
        let text = String(decoding: filled, as: UTF8.self)
        #expect(text == String(decoding: filledReference.body, as: UTF8.self))
        #expect(text.contains(#""district_score":88.5,"dossier_state":"decided""#))
        #expect(text.contains(#""recognised":true"#) && text.contains(#""self_score":85.25}"#))
    }

    @Test func theYearCacheGivesTheSameRankingsAndSeesNewAnswers() throws {
        let fixture = try YearFixture()
        let cache = YearCache()
        let counters = CounterCache()
        let store = YearStore(fixture.connection, cache: counters, yearCache: cache)
        let first = try store.rankings(year: 2024)
        let again = try store.rankings(year: 2024)
        #expect(first.communes == again.communes)
        #expect(first.communes == (try YearStore(fixture.connection).rankings(year: 2024)).communes)
        // A new answer moves the campaign's fingerprint: 07243 goes from 16/20 to 17/21.
        try fixture.answer(
            "07243", campaign: fixture.base.campaignID, on: ReportFixture.today, positive: 1, negative: 0)
        let moved = try store.rankings(year: 2024)
        #expect(moved.communes.first { $0.code == "07243" }?.forms["PKS02"]?.answers == 21)
        #expect(moved.communes == (try YearStore(fixture.connection).rankings(year: 2024)).communes)
    }
}
