import Foundation

@testable import Store
@testable import Uploads

/// A fresh directory per test, removed by `withTemporaryDirectory`.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    var template = Array((NSTemporaryDirectory() + "qcdc-uploads-test-XXXXXX").utf8CString)
    guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
    let path = String(cString: created)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Every regular file under `directory`, relative, sorted.
func filesUnder(_ directory: String) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: directory)
    var files: [String] = []
    while let next = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory + "/" + next, isDirectory: &isDirectory),
            !isDirectory.boolValue
        {
            files.append(next)
        }
    }
    return files.sorted()
}

enum Fixtures {
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF\0".utf8)
    static let html = Array("<!DOCTYPE html><html><script>alert(1)</script></html>".utf8)

    /// A real DOCX-shaped archive: the parts Word writes first, made with the project's ZIP writer.
    static func docx() throws -> [UInt8] {
        var writer = StoredZipWriter()
        try writer.add(path: "[Content_Types].xml", contents: Array("<Types/>".utf8))
        try writer.add(path: "_rels/.rels", contents: Array("<Relationships/>".utf8))
        try writer.add(path: "word/document.xml", contents: Array("<w:document/>".utf8))
        return writer.finish()
    }

    /// A ZIP (an XLSX, say) with no `word/` entry.
    static func zipWithoutWord() throws -> [UInt8] {
        var writer = StoredZipWriter()
        try writer.add(path: "[Content_Types].xml", contents: Array("<Types/>".utf8))
        try writer.add(path: "xl/workbook.xml", contents: Array("<workbook/>".utf8))
        return writer.finish()
    }

    /// Overwrites a little-endian field of the end record (found from the end; fixtures have no comment).
    static func patchEndRecord(_ zip: [UInt8], at field: Int, value: UInt32, width: Int) -> [UInt8] {
        var bytes = zip
        let end = bytes.count - 22
        for index in 0..<width { bytes[end + field + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
        return bytes
    }
}
