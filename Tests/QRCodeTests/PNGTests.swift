import Testing

@testable import QRCode

@Suite struct PNGTests {
    static let shortURL = "https://qcdc.example.vn/q/07210"
    /// Mixed case, a query string and percent-encoded Vietnamese ("Ý kiến người dân về dịch vụ công").
    static let longURL =
        "https://qcdc.example.vn/Survey/Open?campaign=2025-Q3&Unit=Phuong-07&title="
        + "%C3%9D%20ki%E1%BA%BFn%20ng%C6%B0%E1%BB%9Di%20d%C3%A2n%20v%E1%BB%81%20d%E1%BB%8Bch%20v%E1%BB%A5"
        + "%20c%C3%B4ng&ref=Poster#Top"

    @Test(arguments: [shortURL, longURL])
    func zbarimgReadsBackTheExactText(url: String) throws {
        let png = try QRCode.encode(url).png()
        #expect(try ZbarReader.decode(png: png) == url)
    }

    @Test func zbarimgReadsEveryCorrectionLevelAndSmallScales() throws {
        for correction in QRCorrectionLevel.allCases {
            for scale in [2, 3] {
                let png = try QRCode.encode(Self.longURL, correction: correction).png(scale: scale)
                #expect(try ZbarReader.decode(png: png) == Self.longURL, "level \(correction.letter), scale \(scale)")
            }
        }
    }

    @Test func zbarimgReadsUnicodeTextAsUTF8() throws {
        let text = "Phiếu khảo sát: Ý kiến người dân"
        #expect(try ZbarReader.decode(png: QRCode.encode(text).png()) == text)
    }

    @Test func headerHasSignatureAndSideIncludingQuietZone() throws {
        let matrix = try QRCode.encode(Self.shortURL)
        for (scale, quietZone) in [(8, 4), (3, 4), (5, 0), (1, 2)] {
            let png = try matrix.png(scale: scale, quietZone: quietZone)
            let side = (matrix.size + 2 * quietZone) * scale
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            // IHDR is always the first chunk: length 13, type, then big-endian width and height.
            #expect(Array(png[8..<16]) == [0, 0, 0, 13] + Array("IHDR".utf8))
            #expect(bigEndian(png[16..<20]) == side)
            #expect(bigEndian(png[20..<24]) == side)
            #expect(png[24] == 1, "bit depth: one bit a pixel")
            #expect(png[25] == 0, "colour type: grayscale")
            // The file ends with the empty IEND chunk and its fixed CRC.
            #expect(Array(png.suffix(12)) == [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
        }
    }

    @Test func oneBitImageStaysSmall() throws {
        let png = try QRCode.encode(Self.shortURL).png()
        // 296 × 296 pixels; an 8-bit or RGB image would not come close to this.
        #expect(png.count < 1_500, "got \(png.count) bytes")
    }

    @Test func scaleAndQuietZoneLimitsAreTypedErrors() throws {
        let matrix = try QRCode.encode(Self.shortURL)
        #expect(throws: QRCodeError.invalidScale(0)) { try matrix.png(scale: 0) }
        #expect(throws: QRCodeError.invalidScale(-3)) { try matrix.png(scale: -3) }
        #expect(throws: QRCodeError.invalidQuietZone(-1)) { try matrix.png(quietZone: -1) }
        let limit = QRMatrix.maximumPNGSide
        let largestScale = limit / (matrix.size + 8)
        #expect(try matrix.png(scale: largestScale).count > 0)
        #expect(throws: QRCodeError.imageTooLarge(side: (matrix.size + 8) * (largestScale + 1), maximum: limit)) {
            try matrix.png(scale: largestScale + 1)
        }
        // Values that would overflow Int must still end in the typed error, never a trap.
        #expect(throws: QRCodeError.imageTooLarge(side: Int.max, maximum: limit)) { try matrix.png(scale: Int.max) }
        #expect(throws: QRCodeError.imageTooLarge(side: Int.max, maximum: limit)) {
            try matrix.png(quietZone: Int.max)
        }
    }

    @Test func errorMessagesSayWhatToDo() {
        let message = QRCodeError.imageTooLarge(side: 5000, maximum: 4096).description
        #expect(message.contains("5000") && message.contains("4096") && message.contains("smaller scale"))
    }

    private func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }
}
