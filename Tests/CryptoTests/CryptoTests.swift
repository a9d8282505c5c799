import Testing

@testable import Crypto

@Test func sha256KnownAnswer() {
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
}

/// RFC 4231 case 6: a key longer than SHA-256's block, which HMAC hashes first.
@Test func hmacKnownAnswerRFC4231Case6() {
    let tag = HMAC.sign(
        Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
        key: [UInt8](repeating: 0xAA, count: 131))
    #expect(Hex.encode(tag) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
}

/// Keyed states are cached per key: many keys, more than the cache holds, each used again after the others, sign as
/// the first time, and no key's state is reused for another.
@Test func hmacGivesEachKeyItsOwnTagWhateverTheCacheHolds() {
    let message = Array("một câu trả lời".utf8)
    let keys = (0..<(KeyedStates.capacity * 2 + 5)).map { index in
        [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: index % 3 == 0 ? 32 : 1 + index)
    }
    let first = keys.map { HMAC.sign(message, key: $0) }
    #expect(Set(first.map { Hex.encode($0) }).count == keys.count)
    for (key, tag) in zip(keys, first).reversed() {
        #expect(HMAC.sign(message, key: key) == tag)
    }
}

@Test func hmacKnownAnswerRFC4231Case2() {
    let tag = HMAC.sign(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
    #expect(Hex.encode(tag) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    #expect(HMAC.verify(tag, message: Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8)))
    #expect(!HMAC.verify(tag, message: Array("what do ya want for nothing!".utf8), key: Array("Jefe".utf8)))
}

@Test func base64URLRoundTripsEveryLength() {
    for length in 0..<40 {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let text = Base64URL.encode(bytes)
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(Base64URL.decode(text) == bytes)
    }
    #expect(Base64URL.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    #expect(Base64URL.decode("Zm9vYg") == Array("foob".utf8))
    #expect(Base64URL.decode("Zm9vYh") == nil, "non-canonical trailing bits are refused")
    #expect(Base64URL.decode("a") == nil)
    #expect(Base64URL.decode("ab*d") == nil)
}

@Test func hexRoundTrip() {
    #expect(Hex.encode([0, 15, 255]) == "000fff")
    #expect(Hex.decode("000fFF") == [0, 15, 255])
    #expect(Hex.decode("abc") == nil)
    #expect(Hex.decode("zz") == nil)
}

@Test func randomTokensDiffer() {
    let first = SecureRandom.token()
    let second = SecureRandom.token()
    #expect(first != second)
    #expect(Base64URL.decode(first)?.count == 32)
}

@Test func constantTimeEquality() {
    #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
    #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
    #expect(!ConstantTime.equal([1, 2], [1, 2, 3]))
}

// The pooled draws: every byte handed out once, blocks refilled from the kernel, large draws direct.
@Test func pooledRandomDrawsNeverRepeatAndCrossBlockBoundaries() {
    var pool = RandomPool()
    var seen = Set<[UInt8]>()
    var total = 0
    while total < 3 * RandomPool.blockSize {
        let count = [16, 22, 64, 1, 0][total % 5]
        let draw = pool.draw(count)
        #expect(draw.count == count)
        if count >= 16 { #expect(seen.insert(draw).inserted, "a 16-byte draw never comes twice") }
        total += max(count, 1)
    }
    let bytes = (0..<64).flatMap { _ in SecureRandom.bytes(64) }
    #expect(Set(bytes).count > 200, "4 KiB of pooled bytes use nearly every byte value")
    #expect(SecureRandom.bytes(65).count == 65 && SecureRandom.bytes(1000).count == 1000)
    #expect(SecureRandom.bytes(0).isEmpty)
}

@Test func hexOfArraysSlicesAndSequencesAgree() {
    let bytes = (0..<64).map { _ in UInt8.random(in: 0...255) } + [0, 255, 16]
    let expected = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        .joined()
    #expect(Hex.encode(bytes) == expected)
    #expect(Hex.encode(bytes[3..<20]) == String(expected.dropFirst(6).prefix(34)))
    #expect(Hex.encode(bytes.lazy.map { $0 }) == expected, "the generic path")
    #expect(Hex.encode([UInt8]()) == "" && Hex.encode(bytes[5..<5]) == "")
    #expect(Hex.decode(Hex.encode(bytes)) == bytes)
}

@Test func base64URLAppendsAndDecodesSlicesAsTheStringFormsDo() {
    var generator = SystemRandomNumberGenerator()
    for length in 0..<70 {
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var output = Array("prefix.".utf8)
        Base64URL.append(bytes, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "prefix." + Base64URL.encode(bytes))
        let text = "x." + Base64URL.encode(bytes) + ".y"
        let utf8 = text.utf8
        let slice = utf8[utf8.index(utf8.startIndex, offsetBy: 2)..<utf8.index(utf8.endIndex, offsetBy: -2)]
        #expect(Base64URL.decode(slice) == bytes)
    }
    #expect(Base64URL.decode("Zm9vYh".utf8.dropFirst(0)) == nil, "a slice is held to the canonical form too")
}
