import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// The documents API the upload route records into: names kept as harmless data, hashes checked, who may add and
/// remove a document of each kind and when, and the page's "Tài liệu" section.
@Suite struct DossierDocumentTests {
    @Test func fileNamesArePlainDataWhateverTheySay() {
        #expect(DossierStore.safeFileName("../../etc/passwd") == "passwd")
        #expect(DossierStore.safeFileName(#"C:\Users\xa\Tờ trình.pdf"#) == "Tờ trình.pdf")
        #expect(DossierStore.safeFileName("bao\u{0}cao\r\n.pdf") == "baocao.pdf")
        #expect(DossierStore.safeFileName("hoa-don\u{202E}fdp.exe") == "hoa-donfdp.exe")
        #expect(DossierStore.safeFileName("..") == "tai-lieu")
        #expect(DossierStore.safeFileName("  ") == "tai-lieu")
        #expect(DossierStore.safeFileName(String(repeating: "ả", count: 300)).count == 200)
        #expect(DossierStore.isContentHash(String(repeating: "0f", count: 32)))
        #expect(!DossierStore.isContentHash(String(repeating: "0F", count: 32)))
        #expect(!DossierStore.isContentHash("../" + String(repeating: "a", count: 61)))
    }

    @Test func eachSideChangesItsOwnDocumentsWhileItMay() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        let year = 2024
        try await app.openDossier(year: year, code: "07201", as: "xa07201")
        let commune = try await app.authenticated("xa07201")
        let now = app.clock.nowSeconds
        // A forged hash or a kind the set does not ask for is refused.
        await #expect(throws: DossierError.self) {
            try await app.pool.write { connection in
                try DossierStore(connection).addDocument(
                    year: year, code: "07201",
                    .init(
                        kindCode: "to_trinh", contentHash: "../x", size: 1, mediaType: "application/pdf", fileName: "a"),
                    by: commune, now: now)
            }
        }
        await #expect(throws: DossierError.self) {
            try await app.addDossierDocument(year: year, code: "07201", kind: "khac", as: "xa07201")
        }
        // The district's approval is not the commune's to upload, nor the district's before review.
        await #expect(throws: DossierError.self) {
            try await app.addDossierDocument(year: year, code: "07201", kind: "phe_duyet_huyen", as: "xa07201")
        }
        await #expect(throws: DossierError.self) {
            try await app.addDossierDocument(year: year, code: "07201", kind: "phe_duyet_huyen", as: "huyen213")
        }
        let name = "../../Tờ trình\u{7}.pdf"
        let kept = try await app.addDossierDocument(
            year: year, code: "07201", kind: "to_trinh", as: "xa07201", name: name)
        let stored = try await app.pool.read { try DossierStore($0).document(id: kept, year: year, code: "07201") }
        #expect(stored?.fileName == "Tờ trình.pdf")
        #expect(try await app.pool.read { try DossierStore($0).document(id: kept, year: year, code: "07243") } == nil)

        let browser = try await app.signIn("xa07201")
        let page = await app.get(SiteRoute.dossier(year: year, unit: "07201").path, as: browser)
        let section = try #require(page.document.element(id: "tai-lieu")).text
        let size = DossierDocumentsSection.size(try #require(stored).size)
        #expect(section.contains("Tờ trình.pdf") && section.contains(size) && section.contains("xa07201"))
        #expect(section.contains("Đã có (1)") && section.contains("Còn thiếu"))

        // Removed by the commune while a draft: the row stays, marked removed, and the page no longer lists it.
        let remove = SiteRoute.removeDossierDocument(year: year, unit: "07201", document: kept).path
        #expect(await app.post(remove, form: [], as: browser, csrf: browser.csrf).status == .seeOther)
        #expect(try await app.scalar("SELECT count(*) FROM dossier_documents WHERE removed_at IS NOT NULL") == 1)
        #expect(await app.post(remove, form: [], as: browser, csrf: browser.csrf).status == .notFound)
        #expect(try await app.auditActions().contains("dossier_document_remove"))

        // Once submitted, the commune's documents are fixed; the district's approval goes in during review.
        for kind in ["to_trinh", "bao_cao", "tu_cham"] {
            try await app.addDossierDocument(year: year, code: "07201", kind: kind, as: "xa07201")
        }
        #expect(
            await app.post(
                SiteRoute.dossierScores(year: year, unit: "07201").path, form: TestApp.selfScores,
                as: browser, csrf: browser.csrf
            ).status == .seeOther)
        #expect(
            await app.post(
                SiteRoute.dossierStep(year: year, unit: "07201").path, form: [("action", "submit")],
                as: browser, csrf: browser.csrf
            ).status == .seeOther)
        await #expect(throws: DossierError.self) {
            try await app.addDossierDocument(year: year, code: "07201", kind: "dang_ky_mo_hinh", as: "xa07201")
        }
        let approval = try await app.addDossierDocument(
            year: year, code: "07201", kind: "phe_duyet_huyen", as: "huyen213", name: "phe-duyet.pdf")
        let district = try await app.signIn("huyen213")
        let reviewPage = await app.get(SiteRoute.dossier(year: year, unit: "07201").path, as: district)
        let removeApproval = SiteRoute.removeDossierDocument(year: year, unit: "07201", document: approval).path
        #expect(reviewPage.document.form(action: removeApproval) != nil, "the district may take its approval back")
        let first = try #require(try await app.pool.read { try DossierStore($0).dossier(year: year, code: "07201") })
            .documents.first { $0.kindCode == "to_trinh" }
        let removeOther = SiteRoute.removeDossierDocument(
            year: year, unit: "07201", document: try #require(first).id
        ).path
        #expect(reviewPage.document.form(action: removeOther) == nil)
        #expect(await app.post(removeOther, form: [], as: district, csrf: district.csrf).status == .conflict)
        #expect(await app.post(removeApproval, form: [], as: district, csrf: district.csrf).status == .seeOther)
        await app.close()
    }

    @Test func everyRoleFindsTheDossiersInItsNavigation() async throws {
        let app = try await TestApp()
        try await app.addStandardUsers()
        for username in ["tinh24", "huyen213", "xa07201"] {
            let browser = try await app.signIn(username)
            let page = await app.get(SiteRoute.campaigns.path, as: browser)
            let nav = try #require(page.document.elements(tag: "nav", class: "adminnav").first)
            #expect(nav.links.contains { $0.text == "Hồ sơ công nhận" && $0.href == SiteRoute.dossierHome.path })
            let home = await app.get(SiteRoute.dossierHome.path, as: browser)
            #expect(home.status == .seeOther)
            let expected =
                username == "xa07201"
                ? SiteRoute.dossier(year: 2024, unit: "07201").path : SiteRoute.dossiers(year: 2024).path
            #expect(home.location == expected)
        }
        await app.close()
    }
}
