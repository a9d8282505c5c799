import Testing

@testable import HTTP

@Suite struct URLEncodedFormTests {
    @Test func vietnameseRoundTrip() throws {
        var form = URLEncodedForm()
        form.append("mức độ", "Hài lòng")
        form.append("ghi chú", "a&b=c+d 100%")
        let encoded = form.encoded
        #expect(encoded == "m%E1%BB%A9c%20%C4%91%E1%BB%99=H%C3%A0i%20l%C3%B2ng&ghi%20ch%C3%BA=a%26b%3Dc%2Bd%20100%25")
        let decoded = try URLEncodedForm(decoding: encoded)
        #expect(decoded == form)
        #expect(decoded.first("mức độ") == "Hài lòng")
        #expect(decoded.first("ghi chú") == "a&b=c+d 100%")
    }

    @Test func plusIsASpaceAndRepeatedKeysAreKept() throws {
        let form = try URLEncodedForm(decoding: "muc=H%C3%A0i+l%C3%B2ng&chon=1&chon=3&&trong=&co")
        #expect(form.first("muc") == "Hài lòng")
        #expect(form.values(for: "chon") == ["1", "3"])
        #expect(form.first("trong") == "")
        #expect(form.first("co") == "")
        #expect(form.first("khong") == nil)
        #expect(form.fields.map(\.name) == ["muc", "chon", "chon", "trong", "co"])
    }

    @Test func decodesABody() throws {
        let form = try URLEncodedForm(decoding: Array("a=1&b=%E2%9C%93".utf8))
        #expect(form.first("b") == "✓")
    }

    @Test("invalid encodings are errors", arguments: ["a=%zz", "a=%4", "a=%", "%C3%28=1", "a=%FF", "ok=1&b=%ED%A0%80"])
    func invalidEncoding(text: String) {
        #expect(throws: URLEncodedFormError.self) { try URLEncodedForm(decoding: text) }
    }

    /// Raw bytes that are not UTF-8 are refused whether or not the field also has something to decode (a field
    /// without `%` or `+` is validated in place, without a decoded copy).
    @Test func rawInvalidUTF8IsAnErrorWithAndWithoutEscapes() throws {
        for bytes: [UInt8] in [
            [0x61, 0x3D, 0xFF], [0xC3, 0x28, 0x3D, 0x31], [0x61, 0x3D, 0x2B, 0xFF],
            [0x61, 0x3D, 0x25, 0x32, 0x30, 0xED, 0xA0, 0x80],
        ] {
            #expect(throws: URLEncodedFormError.self) { try URLEncodedForm(decoding: bytes) }
        }
        let clean = try URLEncodedForm(decoding: Array("tên=Hà Nội&x=a+b&y=%41".utf8))
        #expect(clean.first("tên") == "Hà Nội" && clean.first("x") == "a b" && clean.first("y") == "A")
    }

    @Test func invalidEncodingNamesTheField() {
        // Offsets count within the value.
        #expect(throws: URLEncodedFormError.invalidEncoding(field: 1, .invalidEscape(offset: 0))) {
            try URLEncodedForm(decoding: "a=1&b=%zz")
        }
    }

    @Test func fieldLimit() throws {
        let atLimit = Array(repeating: "x=1", count: 5).joined(separator: "&")
        #expect(try URLEncodedForm(decoding: atLimit, fieldLimit: 5).fields.count == 5)
        #expect(throws: URLEncodedFormError.tooManyFields(limit: 5)) {
            try URLEncodedForm(decoding: atLimit + "&y=2", fieldLimit: 5)
        }
        let many = Array(repeating: "x=1", count: 1001).joined(separator: "&")
        #expect(throws: URLEncodedFormError.tooManyFields(limit: 1000)) { try URLEncodedForm(decoding: many) }
    }

    @Test func percentEncodingHelpers() throws {
        #expect(try PercentEncoding.decode("%48%c3%a0i+x") == "Hài+x")
        #expect(try PercentEncoding.decode("%48%c3%a0i+x", plusAsSpace: true) == "Hài x")
        #expect(PercentEncoding.encode("a b/c?d=é~") == "a%20b%2Fc%3Fd%3D%C3%A9~")
        #expect(PercentEncoding.encodePath("/bao-cao/Hà Nội") == "/bao-cao/H%C3%A0%20N%E1%BB%99i")
        // Values that need no escape come back as they are (the fast path), escapes use upper-case hex.
        #expect(PercentEncoding.encode("07210-abc_XYZ.~") == "07210-abc_XYZ.~")
        #expect(PercentEncoding.encode("") == "")
        #expect(PercentEncoding.encode(Substring("x/y").dropFirst()) == "%2Fy")
        #expect(PercentEncoding.encode("\u{00}\u{0F}\u{10}\u{7F}\u{FF}") == "%00%0F%10%7F%C3%BF")
        #expect(PercentEncoding.encodePath("/s/1/07210") == "/s/1/07210")
        #expect(throws: PercentEncodingError.invalidEscape(offset: 2)) { try PercentEncoding.decode("ab%g1") }
        #expect(throws: PercentEncodingError.invalidUTF8) { try PercentEncoding.decode("%C3") }
        let text = "Khảo sát mức độ hài lòng 100% ✓"
        #expect(try PercentEncoding.decode(PercentEncoding.encode(text)) == text)
    }
}

/// The fast UTF-8 check decides exactly as the standard library's validating initialiser, on random bytes biased
/// towards the hard cases (continuation bytes, surrogates, overlongs, U+FFFD itself, truncated sequences).
@Test func fastUTF8ValidationAgreesWithTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    let interesting: [UInt8] = [
        0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        0xA0, 0xBD, 0x9F, 0x8F, 0x90,
    ]
    for round in 0..<50_000 {
        // Up to 20 bytes, so the ASCII check's eight-byte steps and its tail both see a high bit at every place.
        let length = Int.random(in: 0...20, using: &generator)
        var bytes = (0..<length).map { _ in
            Bool.random(using: &generator)
                ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
        }
        if round % 7 == 0 { bytes += [0xEF, 0xBF, 0xBD] }  // a real U+FFFD is valid text
        if round % 5 == 0 {
            // ASCII, but for at most one byte anywhere.
            bytes = bytes.map { $0 & 0x7F }
            if !bytes.isEmpty, Bool.random(using: &generator) {
                bytes[Int.random(in: bytes.indices, using: &generator)] |= 0x80
            }
        }
        let expected = String(validating: bytes, as: UTF8.self)
        let actual = bytes.withUnsafeBufferPointer(PercentEncoding.validUTF8)
        #expect(actual == expected, "\(bytes)")
    }
}
