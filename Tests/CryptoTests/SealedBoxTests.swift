import Testing

@testable import Crypto

@Test func sealedBoxOpensWithTheSameKeyAndAdditionalDataOnly() throws {
    let key = SealedBox.key(from: Array("server secret".utf8), purpose: "test")
    #expect(key.count == SealedBox.keyByteCount)
    let message = Array("abcd-efgh-jkmn".utf8)
    let box = SealedBox.seal(message, key: key, additionalData: Array("row 1".utf8))
    #expect(!box.contains(subsequence: message))
    #expect(SealedBox.open(box, key: key, additionalData: Array("row 1".utf8)) == message)
    #expect(SealedBox.open(box, key: key, additionalData: Array("row 2".utf8)) == nil, "moved to another row")
    let otherKey = SealedBox.key(from: Array("another secret".utf8), purpose: "test")
    #expect(SealedBox.open(box, key: otherKey, additionalData: Array("row 1".utf8)) == nil)
    #expect(SealedBox.key(from: Array("server secret".utf8), purpose: "other") != key)
    var altered = box
    altered[altered.count - 1] ^= 1
    #expect(SealedBox.open(altered, key: key, additionalData: Array("row 1".utf8)) == nil)
    #expect(SealedBox.open([1, 2, 3], key: key, additionalData: []) == nil)
    #expect(
        SealedBox.seal(message, key: key, additionalData: []) != SealedBox.seal(message, key: key, additionalData: []))
}

extension Array where Element == UInt8 {
    fileprivate func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { Array(self[$0..<($0 + subsequence.count)]) == subsequence }
    }
}
