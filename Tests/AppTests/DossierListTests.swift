import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// The year's dossiers for the managers: the district's list of its communes, the province's share recognised by
/// district against the target, the XLSX export and the printable list for the decision, each in its scope; the
/// satisfaction proposal from the year's real index.
@Suite struct DossierListTests {
    static let year = 2024
    /// Every scorable criterion of the 2024 commune set at its maximum, but the satisfaction one: 80 points.
    static let full: [DossierStore.ScoreEntry] = [
        ("1.1", 8), ("1.2", 7), ("1.3", 5), ("2.1", 10), ("2.2", 8), ("2.3", 7), ("3.1", 10), ("3.2", 10), ("4", 15),
    ].map { DossierStore.ScoreEntry(code: $0.0, points: $0.1, note: "Đủ hồ sơ minh chứng") }

    /// Takes a commune's dossier as far as `until`: submitted, forwarded (district scores = self scores, the
    /// satisfaction points as proposed), or decided (recognised).
    static func advance(_ app: TestApp, _ code: String, as username: String, until: DossierState) async throws {
        try await app.openDossier(year: year, code: code, as: username)
        let commune = try await app.authenticated(username)
        let district = try await app.authenticated("huyen213")
        let province = try await app.authenticated("tinh24")
        for kind in ["to_trinh", "bao_cao", "tu_cham"] {
            try await app.addDossierDocument(year: year, code: code, kind: kind, as: username)
        }
        let now = app.clock.nowSeconds
        try await app.pool.write { connection in
            let store = DossierStore(connection)
            try store.saveScores(year: year, code: code, entries: full, satisfactionShare: nil, by: commune, now: now)
            try store.perform(.submit, year: year, code: code, by: commune, now: now)
        }
        guard until != .submitted else { return }
        try await app.addDossierDocument(year: year, code: code, kind: "phe_duyet_huyen", as: "huyen213")
        try await app.pool.write { connection in
            let store = DossierStore(connection)
            let review = full + [DossierStore.ScoreEntry(code: "5", points: 0, note: "")]
            try store.saveScores(
                year: year, code: code, entries: review, satisfactionShare: nil, by: district, now: now)
            try store.perform(.forward, year: year, code: code, by: district, now: now)
            guard until == .decided else { return }
            try store.perform(
                .decide, year: year, code: code,
                decision: .init(recognised: true, number: "31/QĐ-BCĐ", date: LocalDate(iso: "2024-06-28")!),
                by: province, now: now)
        }
    }

    func name(_ app: TestApp, _ code: String) async throws -> String {
        try await app.pool.read {
            try $0.scalar("SELECT name FROM units WHERE code = ? ORDER BY unit_set_id DESC", [code], as: String.self)
                ?? ""
        }
    }

    @Test func listsExportAndPrintFollowTheScope() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        try await app.addUser("xa07204", role: .commune, unit: "07204")
        try await Self.advance(app, "07201", as: "xa07201", until: .decided)
        try await Self.advance(app, "07204", as: "xa07204", until: .districtReviewed)
        try await Self.advance(app, "07243", as: "xa07243", until: .submitted)
        let province = try await app.signIn("tinh24")
        let district = try await app.signIn("huyen213")
        let commune = try await app.signIn("xa07201")
        let list = SiteRoute.dossiers(year: Self.year).path

        // A commune is sent to its own dossier.
        let own = await app.get(list, as: commune)
        #expect(own.status == .seeOther)
        #expect(own.location == SiteRoute.dossier(year: Self.year, unit: "07201").path)

        // The district: its communes only, with state, totals and missing documents.
        let districtPage = await app.get(list, as: district)
        #expect(districtPage.status == .ok)
        let table = try #require(districtPage.document.elements(tag: "table", class: "commune-dossiers").first).text
        #expect(table.contains("07201") && table.contains("07204") && !table.contains("07243"))
        #expect(table.contains("Đã có quyết định") && table.contains("Huyện đã thẩm định"))
        #expect(table.contains("Chưa lập hồ sơ"), "communes without a dossier are listed")
        #expect(table.contains("Công nhận · QĐ 31/QĐ-BCĐ ngày 28/06/2024"))
        #expect(
            await app.get(SiteRoute.dossiers(year: Self.year).href([("district", "215")]), as: district).status
                == .forbidden)

        // The province: the share recognised by district against the 60% target.
        let provincePage = await app.get(list, as: province)
        let shares = try #require(provincePage.document.element(id: "ty-le")).text
        let communes213 = try await app.scalar(
            """
            SELECT count(*) FROM units u JOIN units d ON d.id = u.parent_id
            WHERE d.code = '213' AND u.level = 'commune' AND u.unit_set_id = (SELECT max(unit_set_id) FROM units)
            """)
        let all = try await app.scalar(
            "SELECT count(*) FROM units WHERE level = 'commune' AND unit_set_id = (SELECT max(unit_set_id) FROM units)")
        #expect(shares.contains("1/\(Format.count(all)) xã được công nhận"))
        #expect(shares.contains("mục tiêu năm 60,0%"))
        #expect(shares.contains(Format.percent(1 / Double(communes213))), "district 213: 1 of its communes")
        #expect(provincePage.text.contains("07243"))

        // Export: the district's file holds its communes, named for what it holds.
        let export = await app.get(SiteRoute.dossiersExport(year: Self.year).path, as: district)
        #expect(export.status == .ok)
        #expect(export.headers["Content-Type"] == TableExport.xlsxMediaType)
        let disposition = try #require(export.headers["Content-Disposition"])
        #expect(disposition.contains("ho-so-cong-nhan-2024_huyen-213"))
        let bytes = String(decoding: export.body, as: UTF8.self)
        #expect(bytes.contains("07201") && bytes.contains("31/QĐ-BCĐ") && !bytes.contains("07243"))
        #expect(await app.get(SiteRoute.dossiersExport(year: Self.year).path, as: commune).status == .forbidden)

        // Print: recognised and forwarded-and-passing communes, by district; not the one still submitted.
        let printed = await app.get(SiteRoute.dossiersPrint(year: Self.year).path, as: province)
        #expect(printed.status == .ok)
        #expect(printed.text.contains("DANH SÁCH XÃ ĐẠT CHUẨN"))
        let (recognised, forwarded, submitted) = (
            try await name(app, "07201"), try await name(app, "07204"), try await name(app, "07243")
        )
        #expect(printed.text.contains(recognised) && printed.text.contains(forwarded))
        #expect(!printed.text.contains(submitted))
        #expect(printed.text.contains("Đề nghị công nhận") && printed.text.contains("TRƯỞNG BAN"))
        await app.close()
    }

    /// The proposal from the year's real index (YearFixture: 07201 at exactly 0.75 → the "≥ 75" band, 14 points;
    /// 07204 at 0.8 → "≥ 80", 16 points; 07207 unranked → 0), recorded with the index in its note.
    @Test func theSatisfactionProposalComesFromTheYearsIndex() throws {
        let fixture = try YearFixture()
        let connection = fixture.connection
        let rankings = try YearStore(connection).rankings(year: 2024)
        var proposals: [String: Double] = [:]
        for code in ["07201", "07204", "07207"] {
            let id = try AccountAdmin(connection, today: ReportFixture.today, now: 0).addUser(
                username: "xa\(code)", password: Accounts.password, role: .commune, unitCode: code,
                mustChangePassword: false)
            let user = try #require(try UserStore(connection).find(id: id)).authenticated(viaAPIToken: false)
            let store = DossierStore(connection)
            _ = try store.open(year: 2024, code: code, by: user, now: 0)
            let share = rankings.communes.first { $0.code == code }?.outcome.value
            try store.saveScores(year: 2024, code: code, entries: [], satisfactionShare: share, by: user, now: 0)
            let dossier = try #require(try store.dossier(year: 2024, code: code))
            proposals[code] = dossier.recordedProposal
            if code == "07201" {
                #expect(dossier.current(.selfAssessment)["5"]?.note.contains("75,0%") == true)
                // The commune cannot type it.
                #expect(throws: DossierError.self) {
                    try store.saveScores(
                        year: 2024, code: code, entries: [.init(code: "5", points: 20, note: "")],
                        satisfactionShare: share,
                        by: user, now: 0)
                }
            }
        }
        #expect(proposals == ["07201": 14, "07204": 16, "07207": 0])
    }
}
