import HTTP
import Testing
import Web

@Test func cookiesParseTheUsualHeader() {
    let cookies = Cookies(headerValues: ["session=abc123; theme=dark;lang=vi"])
    #expect(cookies["session"] == "abc123")
    #expect(cookies["theme"] == "dark")
    #expect(cookies["lang"] == "vi")
    #expect(cookies.count == 3)
}

@Test func firstValueWins() {
    let cookies = Cookies(headerValues: ["id=first; id=second", "id=third"])
    #expect(cookies["id"] == "first")
}

@Test func malformedPairsAreSkippedNeverFatal() {
    let header = "=novalue; noequals; ok=1; bad name=2; quoted=\"q\"; spaced=a b; semi=;  trim = 7 ;é=8;;"
    let cookies = Cookies(headerValues: [header])
    #expect(cookies["ok"] == "1")
    #expect(cookies["quoted"] == "q")
    #expect(cookies["semi"] == "")
    #expect(cookies["trim"] == "7")
    #expect(cookies["noequals"] == nil)
    #expect(cookies["bad name"] == nil)
    #expect(cookies["spaced"] == nil)
    #expect(cookies["é"] == nil)
    #expect(Cookies(headerValues: ["", ";;;", "=", "\u{0}=\u{0}"]).count == 0)
}

@Test func requestReadsCookiesFromItsHeaders() {
    let request = Request(makeRequest("/", headers: [("Cookie", "a=1"), ("cookie", "b=2; a=3")]), id: "t")
    #expect(request.cookie("a") == "1")
    #expect(request.cookie("b") == "2")
}

@Test func setCookieHasSafeDefaults() throws {
    let cookie = try SetCookie(name: "session", value: "tok_EN-123", maxAge: 3600)
    #expect(cookie.headerValue == "session=tok_EN-123; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax")
    let relaxed = try SetCookie(
        name: "pref", value: "1", path: "/s", httpOnly: false, secure: false,
        sameSite: .strict)
    #expect(relaxed.headerValue == "pref=1; Path=/s; SameSite=Strict")
    #expect(
        try SetCookie.removing(name: "session").headerValue
            == "session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax")
}

@Test func setCookieRefusesValuesThatCouldInjectAttributes() {
    #expect(throws: CookieError.invalidValue(name: "s")) { try SetCookie(name: "s", value: "x; Domain=evil.example") }
    #expect(throws: CookieError.invalidValue(name: "s")) { try SetCookie(name: "s", value: "a\r\nSet-Cookie: y=1") }
    #expect(throws: CookieError.invalidValue(name: "s")) { try SetCookie(name: "s", value: "Đà Nẵng") }
    #expect(throws: CookieError.invalidName("a b")) { try SetCookie(name: "a b", value: "1") }
    #expect(throws: CookieError.invalidName("")) { try SetCookie(name: "", value: "1") }
    #expect(throws: CookieError.invalidPath("/a;b")) { try SetCookie(name: "s", value: "1", path: "/a;b") }
    #expect(throws: CookieError.negativeMaxAge(-1)) { try SetCookie(name: "s", value: "1", maxAge: -1) }
    #expect(throws: CookieError.sameSiteNoneRequiresSecure) {
        try SetCookie(name: "s", value: "1", secure: false, sameSite: .none)
    }
}

@Test func responsesCarrySeveralCookiesAsSeparateFields() throws {
    var response = Response.redirect(to: "/done")
    response.setCookie(try SetCookie(name: "a", value: "1"))
    let chained = response.settingCookie(try SetCookie(name: "b", value: "2"))
    #expect(chained.status == .seeOther)
    #expect(chained.headers["Location"] == "/done")
    #expect(chained.headers.values(named: "Set-Cookie").count == 2)
}
