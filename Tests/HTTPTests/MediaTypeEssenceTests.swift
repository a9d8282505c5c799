import Testing

@testable import HTTP

@Suite struct MediaTypeEssenceTests {
    @Test func matchesTheEssenceWithoutCaseParametersOrBlanks() {
        let form = "application/x-www-form-urlencoded"
        #expect(MediaTypeEssence.matches(form, form))
        #expect(MediaTypeEssence.matches("Application/X-WWW-Form-Urlencoded; charset=UTF-8", form))
        #expect(MediaTypeEssence.matches(" \tapplication/x-www-form-urlencoded \t;charset=utf-8", form))
        #expect(MediaTypeEssence.matches("multipart/form-data; boundary=----x", "multipart/form-data"))
    }

    @Test func refusesOtherTypesPrefixesAndEmptyValues() {
        let form = "application/x-www-form-urlencoded"
        #expect(!MediaTypeEssence.matches("application/json", form))
        #expect(!MediaTypeEssence.matches("application/x-www-form-urlencodedx", form))
        #expect(!MediaTypeEssence.matches("application/x-www-form", form))
        #expect(!MediaTypeEssence.matches("", form))
        #expect(!MediaTypeEssence.matches(";", form))
        #expect(!MediaTypeEssence.matches("multipart/form-data", form))
        // A non-ASCII byte never equals an ASCII one, whatever its case folding.
        #expect(!MediaTypeEssence.matches("text/htmĺ", "text/html"))
    }

    @Test func matchesAnyOfSeveral() {
        let types = ["text/html", "application/json"].map { Array($0.utf8) }
        #expect(MediaTypeEssence.matches("TEXT/HTML; charset=utf-8", anyOf: types))
        #expect(MediaTypeEssence.matches("application/json", anyOf: types))
        #expect(!MediaTypeEssence.matches("image/png", anyOf: types))
        #expect(!MediaTypeEssence.matches("text/html", anyOf: []))
    }
}
