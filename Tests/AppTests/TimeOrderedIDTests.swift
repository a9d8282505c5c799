import Crypto
import Testing

@testable import App
@testable import Store

@Suite struct TimeOrderedIDTests {
    @Test func submissionIDsStartWithTheirTimeAndAreValid() {
        let milliseconds: Int64 = 1_795_000_000_123
        let first = TimeOrderedID.submissionID(milliseconds: milliseconds)
        let second = TimeOrderedID.submissionID(milliseconds: milliseconds)
        #expect(SubmissionID.isValid(first) && SubmissionID.isValid(second))
        #expect(first != second)
        // 6 bytes of time are the first 8 base64url characters.
        #expect(first.prefix(8) == second.prefix(8))
        let bytes = Base64URL.decode(first) ?? []
        #expect(bytes.prefix(6).reduce(Int64(0)) { $0 << 8 | Int64($1) } == milliseconds)
    }

    @Test func respondentMarksSortByMintingTime() {
        let earlier = RespondentToken.mint(milliseconds: 1_795_000_000_000).mark(isNew: true)
        let later = RespondentToken.mint(milliseconds: 1_795_000_000_001).mark(isNew: true)
        #expect(earlier.key < later.key)
        #expect(earlier.key.count == 12 + 64)
    }

    @Test func aCookieGivesTheSameMarkAsTheMintedToken() throws {
        let minted = RespondentToken.mint(milliseconds: 1_795_000_000_000)
        let fromCookie = try #require(RespondentToken(cookie: minted.value))
        #expect(fromCookie.mark(isNew: false).key == minted.mark(isNew: true).key)
        // Earlier versions stored the bare SHA-256 of the cookie; it is still looked up.
        #expect(fromCookie.mark(isNew: false).earlierKeys == [SHA256.hex(Array(minted.value.utf8))])
        #expect(RespondentToken(cookie: "too-short") == nil)
        #expect(RespondentToken(cookie: Base64URL.encode([UInt8](repeating: 1, count: 31))) == nil)
    }
}
