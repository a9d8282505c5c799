import Testing

@testable import HTTP

/// The form a browser sends for a dossier document: a CSRF token, a kind, and a PDF with a Vietnamese name,
/// after a preamble, with transport padding after one boundary and an epilogue.
let multipartFixture: [UInt8] =
    crlf([
        "This is the preamble; it is ignored.",
        "--XyZ",
        "Content-Disposition: form-data; name=\"csrf\"",
        "",
        "token-123",
        "--XyZ  \t",
        "content-disposition: form-data; name=kind",
        "",
        "to-trinh",
        "--XyZ",
        "Content-Disposition: form-data; name=\"file\"; filename=\"Tờ trình \\\"số 5\\\".pdf\"",
        "Content-Type: application/pdf",
        "",
        "%PDF-1.4\r\n--XyNot-a-boundary\r\n\r--X\r\nbody",
        "--XyZ--",
        "epilogue, ignored",
    ])

@Suite struct MultipartParserTests {
    @Test func fixtureParsesIntoItsParts() throws {
        let outcome = parseMultipart(multipartFixture)
        #expect(outcome.error == nil)
        #expect(outcome.finished)
        #expect(outcome.parts.map(\.head.name) == ["csrf", "kind", "file"])
        #expect(outcome.part("csrf")?.content == Array("token-123".utf8))
        #expect(outcome.part("kind")?.content == Array("to-trinh".utf8))
        let file = try #require(outcome.part("file"))
        #expect(file.head.filename == "Tờ trình \"số 5\".pdf")
        #expect(file.head.contentType == "application/pdf")
        #expect(file.head.isFile)
        #expect(file.content == Array("%PDF-1.4\r\n--XyNot-a-boundary\r\n\r--X\r\nbody".utf8))
        #expect(outcome.part("kind")?.head.isFile == false)
    }

    @Test func everySplitGivesTheSameParts() {
        let whole = parseMultipart(multipartFixture)
        for split in 0...multipartFixture.count {
            #expect(parseMultipart(multipartFixture, splitAt: [split]) == whole, "split at \(split)")
        }
        #expect(parseMultipart(multipartFixture, splitAt: Array(0...multipartFixture.count)) == whole, "byte by byte")
    }

    @Test func contentStreamsOutWithoutWaitingForThePartsEnd() throws {
        var parser = try MultipartParser(boundary: "b")
        let head = crlf(["--b", "Content-Disposition: form-data; name=\"f\"; filename=\"a.bin\"", "", ""])
        var events = try parser.append(head)
        #expect(events.count == 1)
        let chunk = [UInt8](repeating: 0x41, count: 100_000)
        events = try parser.append(chunk)
        // All but the few bytes that could start a delimiter ("\r\n--b" is 5 bytes) come out at once.
        let streamed = events.reduce(0) { total, event in
            if case .partData(let bytes) = event { total + bytes.count } else { total }
        }
        #expect(streamed == chunk.count - 4)
        events = try parser.append(Array("\r\n--b--\r\n".utf8))
        #expect(events == [.partData([0x41, 0x41, 0x41, 0x41]), .partEnded, .finished])
        try parser.finish()
    }

    @Test func firstBoundaryMayOpenTheBodyAndEmptyPartsAreFine() {
        let body = crlf(["--XyZ", "Content-Disposition: form-data; name=\"a\"", "", "", "--XyZ--"])
        let outcome = parseMultipart(body)
        #expect(outcome.error == nil && outcome.finished)
        #expect(outcome.parts.count == 1 && outcome.parts[0].content.isEmpty)
    }

    @Test func extendedFileNameWins() {
        let body = crlf([
            "--XyZ",
            "Content-Disposition: form-data; name=\"file\"; filename=\"fallback.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf",
            "", "x", "--XyZ--",
        ])
        #expect(parseMultipart(body).part("file")?.head.filename == "Báo cáo.pdf")
    }

    @Test func browserEscapesAndWindowsPathsInFileNames() {
        let body = crlf([
            "--XyZ",
            "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\Users\\an\\a%22b%0A.pdf\"",
            "", "x", "--XyZ--",
        ])
        #expect(parseMultipart(body).part("file")?.head.filename == "C:\\Users\\an\\a\"b\n.pdf")
    }

    /// A tab, BEL or escape typed in a file name arrives raw (browsers escape only CR, LF and `"`): the part is taken
    /// and the name kept for the layer that makes it harmless.
    @Test func otherControlCharactersInAFileNameArriveAsTyped() {
        let body = crlf([
            "--XyZ",
            "Content-Disposition: form-data; name=\"file\"; filename=\"b\u{7}\u{1B}\tc.pdf\"",
            "", "x", "--XyZ--",
        ])
        #expect(parseMultipart(body).part("file")?.head.filename == "b\u{7}\u{1B}\tc.pdf")
    }

    @Test func boundaryComesFromTheContentType() throws {
        #expect(try MultipartBoundary.parse(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(
            try MultipartBoundary.parse(contentType: "Multipart/Form-Data;boundary=\"----WebKitFormBoundaryx7\"")
                == "----WebKitFormBoundaryx7")
        #expect(try MultipartBoundary.parse(contentType: "multipart/form-data; charset=utf-8; boundary=a;") == "a")
        let refusals: [(String, Int)] = [
            ("application/x-www-form-urlencoded", 415),
            ("text/html; boundary=abc", 415),
            ("multipart/form-data", 400),
            ("multipart/form-data; boundary=", 400),
            ("multipart/form-data; boundary=\"\"", 400),
            ("multipart/form-data; boundary=\"" + String(repeating: "a", count: 71) + "\"", 400),
            ("multipart/form-data; boundary=\"ab \"", 400),
            ("multipart/form-data; boundary=\"a<b\"", 400),
            ("multipart/form-data; boundary=a; boundary=b", 400),
            ("multipart/form-data; boundary=a b", 400),
            ("multipart/form-data; boundary=\"abc", 400),
        ]
        for (contentType, status) in refusals {
            #expect(throws: MultipartError.self, "\(contentType)") {
                try MultipartBoundary.parse(contentType: contentType)
            }
            do {
                _ = try MultipartBoundary.parse(contentType: contentType)
            } catch {
                #expect(error.status.code == status, "\(contentType)")
            }
        }
        #expect(
            try MultipartBoundary.parse(
                contentType: "multipart/form-data; boundary=" + String(repeating: "a", count: 70)
            ).count == 70)
    }

    @Test func malformedBodiesAreTyped400s() {
        let cases: [(String, [UInt8])] = [
            ("no final boundary", crlf(["--XyZ", "Content-Disposition: form-data; name=\"a\"", "", "x"])),
            ("no boundary at all", Array("just text".utf8)),
            ("empty body", []),
            ("no Content-Disposition", crlf(["--XyZ", "Content-Type: text/plain", "", "x", "--XyZ--"])),
            ("not form-data", crlf(["--XyZ", "Content-Disposition: attachment; name=a", "", "x", "--XyZ--"])),
            ("no name", crlf(["--XyZ", "Content-Disposition: form-data; filename=a", "", "x", "--XyZ--"])),
            (
                "two dispositions",
                crlf([
                    "--XyZ", "Content-Disposition: form-data; name=a", "Content-Disposition: form-data; name=b", "",
                    "x", "--XyZ--",
                ])
            ),
            ("bare LF in headers", Array("--XyZ\r\nContent-Disposition: form-data; name=a\n\r\nx\r\n--XyZ--".utf8)),
            ("junk after boundary", crlf(["--XyZjunk", "Content-Disposition: form-data; name=a", "", "x", "--XyZ--"])),
            ("single dash after boundary", crlf(["--XyZ-", "--XyZ--"])),
            ("bare CR after boundary", Array("--XyZ\rContent-Disposition: form-data; name=a\r\n\r\nx\r\n--XyZ--".utf8)),
            ("folded header", crlf(["--XyZ", "Content-Disposition: form-data;", " name=a", "", "x", "--XyZ--"])),
            ("header without colon", crlf(["--XyZ", "Content-Disposition form-data", "", "x", "--XyZ--"])),
            ("unterminated quote", crlf(["--XyZ", "Content-Disposition: form-data; name=\"a", "", "x", "--XyZ--"])),
            (
                "bad filename*",
                crlf(["--XyZ", "Content-Disposition: form-data; name=a; filename*=x", "", "x", "--XyZ--"])
            ),
            (
                "filename* bad UTF-8",
                crlf(["--XyZ", "Content-Disposition: form-data; name=a; filename*=UTF-8''%FF", "", "x", "--XyZ--"])
            ),
            ("NUL in header", crlf(["--XyZ", "Content-Disposition: form-data; name=a\u{0}", "", "x", "--XyZ--"])),
            ("endless padding", crlf(["--XyZ" + String(repeating: " ", count: 300), "--XyZ--"])),
        ]
        for (name, body) in cases {
            let outcome = parseMultipart(body)
            #expect(outcome.error?.status == .badRequest, "\(name): \(outcome)")
            for split in 0...body.count {
                #expect(parseMultipart(body, splitAt: [split]) == outcome, "\(name), split at \(split)")
            }
        }
    }

    @Test func afterAnErrorTheParserStaysFailed() throws {
        var parser = try MultipartParser(boundary: "XyZ")
        #expect(throws: MultipartError.self) { try parser.append(Array("--XyZjunk".utf8)) }
        #expect(throws: MultipartError.self) { try parser.append(Array("\r\n".utf8)) }
        #expect(throws: MultipartError.self) { try parser.finish() }
    }
}
