import Foundation
import HTTP
import Survey
import Testing
import Web

@testable import App
@testable import Store

/// The dossier's upload and download routes through the router: a file is judged by its content (an HTML page or a
/// ZIP without `word/` named .pdf/.docx is 415), stored outside `Public/` under its hash, listed with a link, and
/// downloaded as an attachment only within the unit's scope; a name with path tricks stays plain data.
@Suite struct DossierUploadTests {
    static let year = 2024

    func setUp() async throws -> (TestApp, Browser) {
        let app = try await TestApp()
        try await app.addStandardUsers()
        try await app.openDossier(year: Self.year, code: "07201", as: "xa07201")
        return (app, try await app.signIn("xa07201"))
    }

    var uploadPath: String { SiteRoute.dossierDocuments(year: Self.year, unit: "07201").path }

    func storedFiles(_ app: TestApp) -> [String] {
        let root = app.folder + "/uploads"
        let found = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        return found.filter { !$0.hasSuffix("/") && $0.split(separator: "/").count == 2 && !$0.contains(".tmp") }
    }

    static func zip(_ entries: [(String, String)]) throws -> [UInt8] {
        var writer = StoredZipWriter()
        for (path, text) in entries { try writer.add(path: path, contents: Array(text.utf8)) }
        return writer.finish()
    }

    @Test func aPDFIsStoredListedAndDownloadedAsAnAttachment() async throws {
        let (app, commune) = try await setUp()
        // Browsers escape CR, LF and quotes in a multipart file name; slashes, backslashes and other controls
        // arrive as typed.
        let name = "../..\\Windows\\Tờ trình\u{7}\u{202E}.pdf"
        let response = await app.upload(
            uploadPath, kind: "to_trinh", fileName: name, type: "text/html", bytes: TestApp.pdfBytes, as: commune)
        #expect(response.status == .seeOther, "\(response.text)")
        #expect(response.location == SiteRoute.dossier(year: Self.year, unit: "07201").path)

        let dossier = try #require(
            try await app.pool.read { try DossierStore($0).dossier(year: Self.year, code: "07201") })
        let document = try #require(dossier.documents.first)
        #expect(document.kindCode == "to_trinh")
        #expect(document.mediaType == "application/pdf", "decided by content, not by the declared text/html")
        #expect(document.size == TestApp.pdfBytes.count)
        #expect(
            !document.fileName.contains("/") && !document.fileName.contains("\r") && !document.fileName.contains("\n"))
        #expect(document.fileName.hasSuffix(".pdf"))
        // Outside Public/, under the content hash: <2 hex>/<64 hex>.
        let files = storedFiles(app)
        #expect(files == [String(document.contentHash.prefix(2)) + "/" + document.contentHash])

        let page = await app.get(SiteRoute.dossier(year: Self.year, unit: "07201").path, as: commune)
        let link = SiteRoute.dossierDocument(year: Self.year, unit: "07201", document: document.id).path
        #expect(page.text.contains("href=\"\(link)\""))

        for username in ["xa07201", "huyen213", "tinh24"] {
            let browser = username == "xa07201" ? commune : try await app.signIn(username)
            let download = await app.get(link, as: browser)
            #expect(download.status == .ok, "\(username)")
            #expect(download.body == TestApp.pdfBytes)
            #expect(download.headers["Content-Type"] == "application/pdf")
            #expect(download.headers["X-Content-Type-Options"] == "nosniff")
            let disposition = try #require(download.headers["Content-Disposition"])
            #expect(disposition.hasPrefix("attachment;"))
            #expect(!disposition.contains("\r") && !disposition.contains("\n") && !disposition.contains("/"))
        }
        // Another commune and another district: refused; a made-up id: not found.
        for username in ["xa07243", "huyen215"] {
            let browser = try await app.signIn(username)
            #expect(await app.get(link, as: browser).status == .forbidden, "\(username)")
        }
        let missing = SiteRoute.dossierDocument(year: Self.year, unit: "07201", document: 999).path
        #expect(await app.get(missing, as: commune).status == .notFound)
        await app.close()
    }

    @Test func contentDecidesNotTheNameOrTheDeclaredType() async throws {
        let (app, commune) = try await setUp()
        let html = Array("<!DOCTYPE html><html><script>alert(1)</script></html>".utf8)
        let refused: [(String, String, [UInt8])] = [
            ("bao-cao.pdf", "application/pdf", html),
            (
                "bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                try Self.zip([("xl/workbook.xml", "<workbook/>")])
            ),
            ("anh.png", "image/png", Array("GIF89a".utf8) + [0, 1, 2, 3]),
        ]
        for (name, type, bytes) in refused {
            let response = await app.upload(
                uploadPath, kind: "bao_cao", fileName: name, type: type, bytes: bytes, as: commune)
            #expect(response.status == .unsupportedMediaType, "\(name)")
            #expect(response.text.contains("PDF"), "the page says which files are taken")
        }
        #expect(try await app.scalar("SELECT count(*) FROM dossier_documents") == 0)
        #expect(storedFiles(app).isEmpty, "a refused upload leaves no file behind")

        // A real DOCX (a ZIP with word/) and a PNG are taken.
        let docx = try Self.zip([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
        #expect(
            await app.upload(
                uploadPath, kind: "bao_cao", fileName: "bao-cao.docx", type: "application/octet-stream", bytes: docx,
                as: commune
            ).status == .seeOther)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 16)
        #expect(
            await app.upload(
                uploadPath, kind: "dang_ky_mo_hinh", fileName: "mo-hinh.png", type: "image/png", bytes: png, as: commune
            )
            .status == .seeOther)
        let types = try await app.pool.read {
            try $0.query("SELECT media_type FROM dossier_documents ORDER BY id").map { try $0.string(0) }
        }
        #expect(types == ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png"])

        // An unknown kind is refused after the file is judged; a missing file or a plain form is a clear 4xx.
        let unknownKind = await app.upload(
            uploadPath, kind: "khong_co", fileName: "x.pdf", bytes: TestApp.pdfBytes, as: commune)
        #expect(unknownKind.status.code >= 400 && unknownKind.status.code < 500)
        let plain = await app.post(uploadPath, form: [("kind", "to_trinh")], as: commune, csrf: commune.csrf)
        #expect(plain.status == .unsupportedMediaType)
        await app.close()
    }

    @Test func nothingIsStoredWhenTheDossierIsNotOpenToTheUploader() async throws {
        let (app, commune) = try await setUp()
        // The district may not upload into a draft (its approval comes at review); nothing is written.
        let district = try await app.signIn("huyen213")
        let early = await app.upload(
            uploadPath, kind: "phe_duyet_huyen", fileName: "phe-duyet.pdf", bytes: TestApp.pdfBytes, as: district)
        #expect(early.status == .conflict)
        #expect(storedFiles(app).isEmpty)
        // Without the CSRF token the upload is refused before anything is read.
        var body = MultipartBody()
        body.fields = [("kind", "to_trinh")]
        body.file = ("file", "to-trinh.pdf", "application/pdf", TestApp.pdfBytes)
        let forged = await app.send(
            .post, uploadPath, body: body.bytes, headers: [("Content-Type", body.contentType), commune.cookieHeader])
        #expect(forged.status == .forbidden)
        #expect(storedFiles(app).isEmpty)
        await app.close()
    }

    /// The server gives a large body only to the upload route: the target comes from the route table.
    @Test func onlyTheUploadRouteMayCarryALargeBody() {
        let targets = Application.uploadTargets
        let upload = SiteRoute.dossierDocuments(year: 2026, unit: "07201").path
        #expect(targets.contains { $0.matches(method: .post, rawPath: upload) })
        for other in [
            SiteRoute.dossierScores(year: 2026, unit: "07201").path, SiteRoute.login.path,
            SiteRoute.dossierDocument(year: 2026, unit: "07201", document: 3).path,
        ] {
            #expect(!targets.contains { $0.matches(method: .post, rawPath: other) }, "\(other)")
        }
        #expect(!targets.contains { $0.matches(method: .get, rawPath: upload) })
    }
}
