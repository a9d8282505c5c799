import Foundation
import HTTP

@testable import App

/// A multipart/form-data body as a browser sends it: text fields first, then one file.
struct MultipartBody {
    let boundary = "----qcdc-test-" + UUID().uuidString
    var fields: [(String, String)] = []
    var file: (field: String, name: String, type: String, bytes: [UInt8])?

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        for (name, value) in fields {
            out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            out += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                    .utf8)
            out += file.bytes + Array("\r\n".utf8)
        }
        out += Array("--\(boundary)--\r\n".utf8)
        return out
    }
}

extension TestApp {
    /// Posts a file the way the dossier's upload form does (the CSRF token as the first field).
    func upload(
        _ target: String, kind: String, fileName: String, type: String = "application/pdf", bytes: [UInt8],
        as browser: Browser
    ) async -> HTTPResponse {
        var body = MultipartBody()
        body.fields = [("csrf", browser.csrf), ("kind", kind)]
        body.file = ("file", fileName, type, bytes)
        return await send(
            .post, target, body: body.bytes, headers: [("Content-Type", body.contentType), browser.cookieHeader])
    }

    /// The smallest file every check takes for a PDF: the magic bytes and a trailer.
    static let pdfBytes = Array(
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
}
