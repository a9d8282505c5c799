import Crypto
import Foundation
import HTTP
import Testing

@testable import Uploads

/// A browser-shaped multipart body: text fields, then file parts.
func multipartBody(
    boundary: String = "----WebKitFormBoundaryQ3x",
    fields: [(String, String)] = [("csrf", "tok"), ("kind", "to-trinh")],
    files: [(field: String, name: String, type: String, bytes: [UInt8])]
) -> [UInt8] {
    var body: [UInt8] = []
    for (name, value) in fields {
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }
    for file in files {
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                .utf8)
        body += file.bytes + Array("\r\n".utf8)
    }
    return body + Array("--\(boundary)--\r\n".utf8)
}

let formType = "multipart/form-data; boundary=----WebKitFormBoundaryQ3x"

@Suite struct UploadReceiverTests {
    @Test func aDocumentIsStoredWithItsFields() throws {
        try withTemporaryDirectory { root in
            let receiver = UploadReceiver(store: try ContentAddressedStore(directory: root))
            let docx = try Fixtures.docx()
            let body = multipartBody(files: [("file", "Báo cáo kết quả.docx", "application/octet-stream", docx)])
            let upload = try receiver.receive(body: body, contentType: formType)
            #expect(upload.fields.first("csrf") == "tok")
            #expect(upload.fields.first("kind") == "to-trinh")
            #expect(upload.file.kind == .docx)
            #expect(upload.file.size == docx.count)
            #expect(upload.file.hash.hex == SHA256.hex(docx))
            #expect(upload.file.name.value == "Báo cáo kết quả.docx")
            #expect(try receiver.store.contents(of: upload.file.hash) == docx)
            #expect(filesUnder(root).count == 1)
        }
    }

    @Test func aLargeFileStreamsThroughInSlices() throws {
        try withTemporaryDirectory { root in
            let receiver = UploadReceiver(
                store: try ContentAddressedStore(directory: root), limits: UploadLimits(maxFileBytes: 3 * 1024 * 1024))
            let pdf = Fixtures.pdf + [UInt8](repeating: 0x0D, count: 2 * 1024 * 1024) + Array("\r\n--end".utf8)
            let upload = try receiver.receive(
                body: multipartBody(files: [("file", "big.pdf", "application/pdf", pdf)]), contentType: formType)
            #expect(upload.file.kind == .pdf && upload.file.size == pdf.count)
            #expect(try receiver.store.contents(of: upload.file.hash) == pdf)
        }
    }

    @Test func contentDecidesNotTheNameOrDeclaredType() throws {
        try withTemporaryDirectory { root in
            let receiver = UploadReceiver(store: try ContentAddressedStore(directory: root))
            let refused: [(String, [UInt8])] = [
                ("HTML named .pdf", Fixtures.html),
                ("ZIP without word/ named .pdf", try Fixtures.zipWithoutWord()),
                ("truncated DOCX", Array(try Fixtures.docx().dropLast(30))),
            ]
            for (name, bytes) in refused {
                let body = multipartBody(files: [("file", "hoso.pdf", "application/pdf", bytes)])
                let error = #expect(throws: UploadError.self, "\(name)") {
                    try receiver.receive(body: body, contentType: formType)
                }
                #expect(error?.status == .unsupportedMediaType, "\(name)")
                #expect(error?.message == "Chỉ nhận tệp PDF, DOCX, JPEG hoặc PNG.")
            }
            #expect(filesUnder(root).isEmpty, "a refused upload left a file behind")
            let png = try receiver.receive(
                body: multipartBody(files: [("file", "scan.pdf", "application/pdf", Fixtures.png)]),
                contentType: formType)
            #expect(png.file.kind == .png)
        }
    }

    @Test func oversizeFilesAre413AndLeaveNothing() throws {
        try withTemporaryDirectory { root in
            let receiver = UploadReceiver(
                store: try ContentAddressedStore(directory: root), limits: UploadLimits(maxFileBytes: 100_000))
            let fits = Fixtures.pdf + [UInt8](repeating: 0x20, count: 100_000 - Fixtures.pdf.count)
            #expect(
                try receiver.receive(
                    body: multipartBody(files: [("file", "a.pdf", "application/pdf", fits)]), contentType: formType
                )
                .file.size == 100_000)
            let over = fits + [0x20]
            let error = #expect(throws: UploadError.self) {
                try receiver.receive(
                    body: multipartBody(files: [("file", "b.pdf", "application/pdf", over)]), contentType: formType)
            }
            #expect(error?.status == .contentTooLarge)
            // A body past the multipart total (file limit + form overhead) is refused by the parser itself.
            let huge = Fixtures.pdf + [UInt8](repeating: 0x20, count: 200_000)
            let total = #expect(throws: UploadError.self) {
                try receiver.receive(
                    body: multipartBody(files: [("file", "c.pdf", "application/pdf", huge)]), contentType: formType)
            }
            #expect(total?.status == .contentTooLarge)
            #expect(filesUnder(root).count == 1)
        }
    }

    @Test func formsWithoutExactlyOneFileAre400() throws {
        try withTemporaryDirectory { root in
            let receiver = UploadReceiver(store: try ContentAddressedStore(directory: root))
            let cases: [(String, [UInt8])] = [
                ("no file part", multipartBody(files: [])),
                ("file input left empty", multipartBody(files: [("file", "", "application/octet-stream", [])])),
                ("empty file", multipartBody(files: [("file", "a.pdf", "application/pdf", [])])),
                (
                    "file under another field",
                    multipartBody(files: [("other", "a.pdf", "application/pdf", Fixtures.pdf)])
                ),
                (
                    "two files",
                    multipartBody(files: [
                        ("file", "a.pdf", "application/pdf", Fixtures.pdf),
                        ("file", "b.png", "image/png", Fixtures.png),
                    ])
                ),
                (
                    "truncated body",
                    Array(multipartBody(files: [("file", "a.pdf", "application/pdf", Fixtures.pdf)]).dropLast(10))
                ),
            ]
            for (name, body) in cases {
                let error = #expect(throws: UploadError.self, "\(name)") {
                    try receiver.receive(body: body, contentType: formType)
                }
                #expect(error?.status == .badRequest, "\(name)")
            }
            #expect(filesUnder(root).isEmpty)
        }
    }

    @Test func bodiesThatAreNotMultipartAre415() throws {
        try withTemporaryDirectory { root in
            let receiver = UploadReceiver(store: try ContentAddressedStore(directory: root))
            for contentType in [nil, "application/x-www-form-urlencoded", "application/pdf"] as [String?] {
                let error = #expect(throws: UploadError.self) {
                    try receiver.receive(body: Fixtures.pdf, contentType: contentType)
                }
                #expect(error?.status == .unsupportedMediaType)
            }
            let noBoundary = #expect(throws: UploadError.self) {
                try receiver.receive(body: Fixtures.pdf, contentType: "multipart/form-data")
            }
            #expect(noBoundary?.status == .badRequest)
        }
    }

    @Test func pathTricksInTheNameAreHarmless() throws {
        try withTemporaryDirectory { root in
            let store = try ContentAddressedStore(directory: root + "/uploads")
            let receiver = UploadReceiver(store: store)
            let names = [
                "../../../etc/cron.d/x.pdf", "..\\..\\Public\\index.html", "a\u{202E}fdp.exe", "/tmp/x%0D%0Ay.pdf",
            ]
            for name in names {
                let upload = try receiver.receive(
                    body: multipartBody(files: [("file", name, "application/pdf", Fixtures.pdf)]), contentType: formType
                )
                #expect(!upload.file.name.value.contains("/") && !upload.file.name.value.contains("\\"), "\(name)")
                #expect(!upload.file.name.value.unicodeScalars.contains { $0.properties.generalCategory == .format })
            }
            // Whatever the names, only the one content-addressed file exists, inside the store.
            #expect(filesUnder(root) == ["uploads/\(SHA256.hex(Fixtures.pdf).prefix(2))/\(SHA256.hex(Fixtures.pdf))"])
        }
    }
}

@Suite struct UploadReceiverThreadTests {
    @Test func offLoopReceiveGivesTheSameResultsAndErrors() async throws {
        var template = Array((NSTemporaryDirectory() + "qcdc-uploads-test-XXXXXX").utf8CString)
        let root = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let receiver = UploadReceiver(store: try ContentAddressedStore(directory: root))
        let upload = try await receiver.receiveOffLoop(
            body: multipartBody(files: [("file", "a.png", "image/png", Fixtures.png)]), contentType: formType)
        #expect(upload.file.kind == .png)
        #expect(try receiver.store.contents(of: upload.file.hash) == Fixtures.png)
        do {
            _ = try await receiver.receiveOffLoop(
                body: multipartBody(files: [("file", "a.pdf", "application/pdf", Fixtures.html)]), contentType: formType
            )
            Issue.record("expected a 415")
        } catch {
            #expect(error.status == .unsupportedMediaType)
        }
    }
}
