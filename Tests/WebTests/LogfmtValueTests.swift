import Testing

@testable import Web

@Test func logfmtValuesAreQuotedOnlyWhenTheyMustBe() {
    #expect(AccessLogMiddleware.logfmtValue("/s/12/07210") == "/s/12/07210")
    #expect(AccessLogMiddleware.logfmtValue("") == #""""#)
    #expect(AccessLogMiddleware.logfmtValue("a b") == #""a b""#)
    #expect(AccessLogMiddleware.logfmtValue(#"x="y""#) == #""x=\"y\"""#)
    #expect(AccessLogMiddleware.logfmtValue(#"a\b"#) == #""a\\b""#)
    #expect(AccessLogMiddleware.logfmtValue("a\nfake=1") == #""a?fake=1""#, "a newline cannot start a forged line")
}
