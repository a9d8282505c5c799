import Testing
import Web

/// `If-None-Match` read as RFC 9110 §13.1.2 has it: `*` or a list of entity tags, weak comparison, several field
/// lines, commas inside a tag, and malformed lists that can only fail to match.
@Suite struct IfNoneMatchTests {
    @Test func absentIsNil() {
        #expect(IfNoneMatch(headerValues: []) == nil)
    }

    @Test func listsCompareWeakly() throws {
        let list = try #require(IfNoneMatch(headerValues: [#""a", W/"b",  "c,d" ,"e""#]))
        #expect(list.tags == [#""a""#, #""b""#, #""c,d""#, #""e""#])
        #expect(!list.matchesAny)
        for tag in [#""a""#, #"W/"a""#, #""b""#, #""c,d""#, #""e""#] { #expect(list.matches(tag), "\(tag)") }
        for tag in [#""c""#, #""d""#, #""""#, "a", #""A""#] { #expect(!list.matches(tag), "\(tag)") }
    }

    @Test func starMatchesAnyAndLinesAdd() throws {
        #expect(try #require(IfNoneMatch(headerValues: ["*"])).matches(#""x""#))
        #expect(try #require(IfNoneMatch(headerValues: [" * "])).matches(#""x""#))
        let lines = try #require(IfNoneMatch(headerValues: [#""a""#, #"W/"b""#]))
        #expect(lines.matches(#""b""#) && lines.matches(#""a""#))
    }

    @Test func malformedListsKeepOnlyWhatCameBeforeTheFault() throws {
        // `*` mixed with tags, a tag without quotes, two tags without a comma, an unclosed tag.
        #expect(try #require(IfNoneMatch(headerValues: [#"*, "a""#])).matches(#""a""#) == false)
        #expect(try #require(IfNoneMatch(headerValues: [#"a, "b""#])).tags.isEmpty)
        #expect(try #require(IfNoneMatch(headerValues: [#""a" "b""#])).tags == [#""a""#])
        #expect(try #require(IfNoneMatch(headerValues: [#""a", "b"#])).tags == [#""a""#])
        #expect(try #require(IfNoneMatch(headerValues: [#""a b""#])).tags.isEmpty)
        #expect(try #require(IfNoneMatch(headerValues: [""])).tags.isEmpty)
    }
}
