import Testing

@testable import Uploads

@Suite struct StoredFileNameTests {
    @Test func pathTricksLeaveOnlyTheLastComponent() {
        #expect(StoredFileName(original: "../../etc/passwd").value == "passwd")
        #expect(StoredFileName(original: "C:\\Users\\An\\Tờ trình.pdf").value == "Tờ trình.pdf")
        #expect(StoredFileName(original: "..\\..\\boot.ini").value == "boot.ini")
        #expect(StoredFileName(original: "/").value == StoredFileName.fallback)
        #expect(StoredFileName(original: "..").value == StoredFileName.fallback)
        #expect(StoredFileName(original: ".htaccess").value == "htaccess")
        #expect(StoredFileName(original: "  . .env").value == "env")
    }

    @Test func controlAndBidiCharactersAreRemoved() {
        #expect(StoredFileName(original: "a\r\nb\u{0}c\u{7F}.pdf").value == "abc.pdf")
        #expect(StoredFileName(original: "bao-cao\u{202E}fdp.exe").value == "bao-caofdp.exe")
        #expect(StoredFileName(original: "x\u{2066}y\u{2069}\u{200F}.png").value == "xy.png")
        #expect(StoredFileName(original: "\u{85}\u{2028}").value == StoredFileName.fallback)
    }

    @Test func vietnameseIsKeptAndComposed() {
        let decomposed = "Ba\u{301}o ca\u{301}o ke\u{302}\u{301}t qua\u{309}.docx"
        #expect(StoredFileName(original: decomposed).value == "Báo cáo kết quả.docx")
        #expect(StoredFileName(original: "Bảng tự chấm điểm 2026.pdf").value == "Bảng tự chấm điểm 2026.pdf")
    }

    @Test func longNamesAreCutOnCharacterBoundariesKeepingTheExtension() {
        let long = String(repeating: "Đường ", count: 60) + ".pdf"
        let name = StoredFileName(original: long).value
        #expect(name.utf8.count <= StoredFileName.maxBytes)
        #expect(name.hasSuffix(".pdf"))
        #expect(name.hasPrefix("Đường Đường"))
        let noExtension = StoredFileName(original: String(repeating: "ệ", count: 200)).value
        #expect(noExtension.utf8.count <= StoredFileName.maxBytes && noExtension.allSatisfy { $0 == "ệ" })
    }

    @Test func attachmentHeaderCarriesTheNameSafely() {
        let name = StoredFileName(original: "Tờ \"trình\" 100%.pdf")
        #expect(
            name.attachmentDisposition
                == "attachment; filename=\"T_ _tr_nh_ 100_.pdf\"; filename*=UTF-8''T%E1%BB%9D%20%22tr%C3%ACnh%22%20100%25.pdf"
        )
    }
}
