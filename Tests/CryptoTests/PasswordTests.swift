import Testing

@testable import Crypto

@Test func passwordHashVerifiesAndRefusesOtherPasswords() throws {
    let password = "mật khẩu dài 2024"
    let hash = try Password.hash(password)
    #expect(hash.hasPrefix("$argon2id$"))
    #expect(!hash.contains(password))
    #expect(Password.verify(password, hash: hash))
    #expect(!Password.verify("mật khẩu dài 2025", hash: hash))
    #expect(!Password.verify("", hash: hash))
    #expect(!Password.needsRehash(hash))
}

@Test func passwordHashesAreSaltedAndMalformedHashesNeverMatch() throws {
    let first = try Password.hash("cùng một mật khẩu")
    let second = try Password.hash("cùng một mật khẩu")
    #expect(first != second, "each hash has its own random salt")
    #expect(!Password.verify("cùng một mật khẩu", hash: "not a hash"))
    #expect(!Password.verify("x", hash: String(repeating: "$", count: 500)))
    #expect(Password.needsRehash("not a hash"))
}
