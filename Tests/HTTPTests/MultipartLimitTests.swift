import Testing

@testable import HTTP

@Suite struct MultipartLimitTests {
    static func fields(_ count: Int) -> [UInt8] {
        var lines: [String] = []
        for index in 0..<count { lines += ["--XyZ", "Content-Disposition: form-data; name=\"f\(index)\"", "", "v"] }
        return crlf(lines + ["--XyZ--"])
    }

    @Test func partCount() {
        let limits = MultipartLimits(maxParts: 3)
        #expect(parseMultipart(Self.fields(3), limits: limits).error == nil)
        let over = parseMultipart(Self.fields(4), limits: limits)
        #expect(over.error?.status == .contentTooLarge)
    }

    @Test func headerBytesPerPart() {
        let header = "Content-Disposition: form-data; name=\"a\""  // 40 bytes + CRLF, + the blank line's CRLF
        let body = crlf(["--XyZ", header, "", "x", "--XyZ--"])
        #expect(parseMultipart(body, limits: MultipartLimits(maxHeaderBytesPerPart: 44)).error == nil)
        let over = MultipartLimits(maxHeaderBytesPerPart: 43)
        #expect(parseMultipart(body, limits: over).error?.status == .contentTooLarge)
        // An endless header line is cut off at the limit, however it is split.
        let endless = Array(("--XyZ\r\nX-Long: " + String(repeating: "a", count: 10_000)).utf8)
        let small = MultipartLimits(maxHeaderBytesPerPart: 100)
        #expect(parseMultipart(endless, limits: small).error?.status == .contentTooLarge)
        #expect(
            parseMultipart(endless, splitAt: Array(stride(from: 0, to: endless.count, by: 7)), limits: small).error?
                .status == .contentTooLarge)
    }

    @Test func totalBytes() {
        let body = multipartFixture
        #expect(parseMultipart(body, limits: MultipartLimits(maxTotalBytes: body.count)).error == nil)
        let over = parseMultipart(body, splitAt: [10], limits: MultipartLimits(maxTotalBytes: body.count - 1))
        #expect(over.error?.status == .contentTooLarge)
    }

    @Test func fieldBytesButNotFileBytes() {
        let field = crlf([
            "--XyZ", "Content-Disposition: form-data; name=\"a\"", "", String(repeating: "v", count: 100), "--XyZ--",
        ])
        #expect(parseMultipart(field, limits: MultipartLimits(maxFieldBytes: 100)).error == nil)
        let over = MultipartLimits(maxFieldBytes: 99)
        #expect(parseMultipart(field, limits: over).error?.status == .contentTooLarge)
        #expect(parseMultipart(field, splitAt: Array(0...field.count), limits: over).error?.status == .contentTooLarge)
        let file = crlf([
            "--XyZ", "Content-Disposition: form-data; name=\"a\"; filename=\"a.pdf\"", "",
            String(repeating: "v", count: 100), "--XyZ--",
        ])
        #expect(parseMultipart(file, limits: over).error == nil)
    }
}
