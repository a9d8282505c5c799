import Testing

@testable import Web

// The middleware's header rules, byte by byte: they run on every response, so they compare in place, and these
// cases hold them to what a split, trim and lowercased comparison would decide.

@Test func compressibleTypesAreRecognisedWhateverTheirCaseBlanksAndParameters() {
    for type in [
        "text/html", "text/html; charset=utf-8", "Text/HTML;charset=UTF-8", " text/css ",
        "\ttext/csv\t; header=present",
        "application/json", "APPLICATION/JSON", "image/svg+xml", "text/plain;", "application/javascript ;x=y",
    ] {
        #expect(CompressionMiddleware.isCompressible(type), "\(type) is compressible")
    }
    for type in [
        "", ";", " ", "text/htm", "text/htmlx", "text/html2; charset=utf-8", "image/png", "application/pdf",
        "application/zip", "x text/html", "text /html",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "text/html\u{0}", "tëxt/html",
    ] {
        #expect(!CompressionMiddleware.isCompressible(type), "\(type) is not compressible")
    }
}

@Test func trimmingDropsOnlyOuterSpacesAndTabs() {
    #expect(CompressionMiddleware.trimmed("  gzip\t") == "gzip")
    #expect(CompressionMiddleware.trimmed("gzip; q=0.5") == "gzip; q=0.5")
    #expect(CompressionMiddleware.trimmed(" \t ") == "")
    #expect(CompressionMiddleware.trimmed("") == "")
    #expect(CompressionMiddleware.trimmed(" a b ") == "a b")
    #expect(CompressionMiddleware.acceptsGzip(["deflate, GZIP;q=0.3"]))
    #expect(!CompressionMiddleware.acceptsGzip(["gzip;q=0, *"]))
    #expect(CompressionMiddleware.acceptsGzip([" * "]))
}
