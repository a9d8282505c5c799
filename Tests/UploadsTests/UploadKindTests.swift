import Testing

@testable import Uploads

@Suite struct UploadKindTests {
    @Test func kindsAreFoundByTheirContent() throws {
        #expect(UploadKind.detect(Fixtures.pdf) == .pdf)
        #expect(UploadKind.detect(Fixtures.png) == .png)
        #expect(UploadKind.detect(Fixtures.jpeg) == .jpeg)
        #expect(UploadKind.detect(try Fixtures.docx()) == .docx)
        #expect(UploadKind.docx.mediaType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(UploadKind.jpeg.fileExtension == "jpg")
        #expect(UploadKind.pdf.mediaType == "application/pdf")
    }

    @Test func anythingElseIsNil() throws {
        #expect(UploadKind.detect(Fixtures.html) == nil)
        #expect(UploadKind.detect(try Fixtures.zipWithoutWord()) == nil)
        #expect(UploadKind.detect([]) == nil)
        #expect(UploadKind.detect(Array("%PDF".utf8)) == nil)
        #expect(UploadKind.detect([0xFF, 0xD8]) == nil)
        #expect(UploadKind.detect(Array(" %PDF-1.4".utf8)) == nil)
        #expect(UploadKind.detect(Array("PK\u{3}\u{4}".utf8)) == nil)
    }

    @Test func truncatedDocxIsNotADocx() throws {
        let docx = try Fixtures.docx()
        for length in 0..<docx.count {
            #expect(UploadKind.detect(Array(docx[0..<length])) == nil, "cut at \(length)")
        }
    }

    @Test func hostileEndRecordsAreRefusedWithoutTrapping() throws {
        let docx = try Fixtures.docx()
        let hostile: [(String, [UInt8])] = [
            ("directory offset past the end", Fixtures.patchEndRecord(docx, at: 16, value: 0xFFFF_FF00, width: 4)),
            ("directory size past the end", Fixtures.patchEndRecord(docx, at: 12, value: 0x7FFF_FFFF, width: 4)),
            ("ZIP64 marker", Fixtures.patchEndRecord(docx, at: 16, value: 0xFFFF_FFFF, width: 4)),
            (
                "bomb-like entry count",
                Fixtures.patchEndRecord(
                    Fixtures.patchEndRecord(docx, at: 8, value: 0xFFFE, width: 2), at: 10, value: 0xFFFE, width: 2)
            ),
            ("disk mismatch", Fixtures.patchEndRecord(docx, at: 8, value: 1, width: 2)),
            ("multi-disk", Fixtures.patchEndRecord(docx, at: 4, value: 1, width: 2)),
            ("comment length past the end", Fixtures.patchEndRecord(docx, at: 20, value: 500, width: 2)),
        ]
        for (name, bytes) in hostile {
            #expect(UploadKind.detect(bytes) == nil, "\(name)")
        }
        // Entry name lengths that run past the directory.
        var longName = docx
        let directoryOffset = docx.withUnsafeBytes { Int(ZipDirectory.read32($0, docx.count - 22 + 16)) }
        longName[directoryOffset + 28] = 0xFF
        longName[directoryOffset + 29] = 0xFF
        #expect(UploadKind.detect(longName) == nil)
    }

    @Test func aWordEntryAfterOthersAndATrailingCommentStillCount() throws {
        var docx = try Fixtures.docx()
        docx = Fixtures.patchEndRecord(docx, at: 20, value: 7, width: 2) + Array("comment".utf8)
        #expect(UploadKind.detect(docx) == .docx)
    }
}
