import Crypto
import Testing

@testable import Store

@Suite struct SignedTokenTests {
    let signer = SignedToken(key: Array("a key of thirty-two bytes, or so".utf8))

    @Test func aSignedTokenGivesBackItsFields() {
        let token = signer.sign(["r2", "1", "42", "Hà Nội", ""])
        #expect(signer.verify(token, fieldCount: 5) == ["r2", "1", "42", "Hà Nội", ""])
        #expect(signer.verify(token, fieldCount: 4) == nil, "another shape of token")
        #expect(SignedToken(key: Array("another key".utf8)).verify(token, fieldCount: 5) == nil)
    }

    @Test func everyOtherShapeIsRefused() throws {
        let token = signer.sign(["a", "b"])
        let dot = try #require(token.firstIndex(of: "."))
        let payload = String(token[..<dot])
        let signature = String(token[token.index(after: dot)...])
        for bad in [
            "", ".", payload, payload + ".", "." + signature, token + ".", token + "." + signature,
            payload + "." + signature + "A", payload + "x." + signature, String(token.reversed()),
            payload + "." + String(repeating: "A", count: 600),
        ] {
            #expect(signer.verify(bad, fieldCount: 2) == nil, "\(bad)")
        }
        // A payload that is not UTF-8, signed with the right key, is still refused.
        var bytes = Array(Base64URL.encode([0xFF, 0xFE]).utf8)
        bytes.append(UInt8(ascii: "."))
        Base64URL.append(HMAC.sign([0xFF, 0xFE], key: signer.key), to: &bytes)
        #expect(signer.verify(String(decoding: bytes, as: UTF8.self), fieldCount: 1) == nil)
    }
}
