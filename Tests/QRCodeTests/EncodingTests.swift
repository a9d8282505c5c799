import Testing

@testable import QRCode

@Suite struct EncodingTests {
    @Test func thirtyOneCharacterURLIsVersion3AtLevelM() throws {
        let url = "https://qcdc.example.vn/q/07210"
        #expect(url.utf8.count == 31)
        let matrix = try QRCode.encode(url)
        // Byte mode at M holds 26 bytes in version 2 and 42 in version 3.
        #expect(matrix.version == 3)
        #expect(matrix.size == 29)
        #expect(matrix.modules.count == 29 * 29)
    }

    @Test func higherCorrectionNeedsALargerSymbol() throws {
        let url = "https://qcdc.example.vn/q/07210"
        let sizes = try QRCorrectionLevel.allCases.map { try QRCode.encode(url, correction: $0).size }
        #expect(sizes == sizes.sorted())
        #expect(sizes.first == 25, "31 bytes fit version 2 (32 bytes) at level L")
        #expect(sizes.last == 33, "and need version 4 (34 bytes) at level H")
    }

    @Test func finderPatternsSitInThreeCorners() throws {
        let matrix = try QRCode.encode("https://qcdc.example.vn/q/07210")
        let last = matrix.size - 1
        for (originX, originY) in [(0, 0), (last - 6, 0), (0, last - 6)] {
            // A finder is a dark 7×7 ring, a light ring, then a dark 3×3 centre.
            for offset in 0..<7 {
                #expect(matrix.isDark(x: originX + offset, y: originY))
                #expect(matrix.isDark(x: originX + offset, y: originY + 6))
                #expect(matrix.isDark(x: originX, y: originY + offset))
                #expect(matrix.isDark(x: originX + 6, y: originY + offset))
            }
            #expect(!matrix.isDark(x: originX + 1, y: originY + 1))
            #expect(matrix.isDark(x: originX + 3, y: originY + 3))
        }
    }

    @Test func outsideTheSymbolIsLight() throws {
        let matrix = try QRCode.encode("x")
        #expect(matrix.isDark(x: 0, y: 0))
        #expect(!matrix.isDark(x: -1, y: 0))
        #expect(!matrix.isDark(x: 0, y: matrix.size))
        #expect(!matrix.isDark(x: Int.min, y: Int.max))
    }

    @Test func sameTextGivesTheSameMatrixAndCaseMatters() throws {
        let lower = try QRCode.encode("https://qcdc.example.vn/q/abc")
        #expect(try QRCode.encode("https://qcdc.example.vn/q/abc") == lower)
        #expect(try QRCode.encode("https://qcdc.example.vn/q/ABC") != lower)
    }

    @Test(arguments: QRCorrectionLevel.allCases)
    func capacityLimitIsExactAndTyped(correction: QRCorrectionLevel) throws {
        let maximum = correction.maximumByteCount
        let fullest = try QRCode.encode(String(repeating: "a", count: maximum), correction: correction)
        #expect(fullest.version == 40)
        #expect(fullest.size == 177)
        let tooLong = String(repeating: "a", count: maximum + 1)
        #expect(throws: QRCodeError.textTooLong(byteCount: maximum + 1, maximum: maximum, correction: correction)) {
            try QRCode.encode(tooLong, correction: correction)
        }
    }

    @Test func multiByteTextIsMeasuredInUTF8Bytes() {
        // 1,200 characters of "ế" are 3,600 bytes: too long at M although under 2,331 characters.
        let text = String(repeating: "ế", count: 1_200)
        #expect(throws: QRCodeError.textTooLong(byteCount: 3_600, maximum: 2_331, correction: .medium)) {
            try QRCode.encode(text)
        }
    }

    @Test func veryLongTextFailsWithoutReachingTheEncoder() {
        let text = String(repeating: "z", count: 10_000_000)
        #expect(throws: QRCodeError.textTooLong(byteCount: 10_000_000, maximum: 2_331, correction: .medium)) {
            try QRCode.encode(text)
        }
    }

    @Test func emptyTextIsATypedError() {
        #expect(throws: QRCodeError.emptyText) { try QRCode.encode("") }
    }

    @Test func tooLongMessageNamesTheFix() {
        let message = QRCodeError.textTooLong(byteCount: 3_000, maximum: 2_331, correction: .medium).description
        #expect(message.contains("3000") && message.contains("2331") && message.contains("correction M"))
        #expect(message.contains("shorten"))
    }
}
