import Testing

@testable import HTTP

@Suite struct UploadTargetTests {
    static let limits = HTTPLimits(
        maxBodyBytes: 1000, uploadBodyBytes: 5000,
        uploadTargets: [UploadTarget(method: .post, pattern: "/admin/dossiers/*/*/documents")])

    @Test func patternMatchesOneSegmentPerWildcard() {
        let target = UploadTarget(pattern: "/admin/dossiers/*/*/documents")
        #expect(target.matches(method: .post, rawPath: "/admin/dossiers/2026/xa-an-binh/documents"))
        #expect(!target.matches(method: .get, rawPath: "/admin/dossiers/2026/xa-an-binh/documents"))
        #expect(!target.matches(method: .post, rawPath: "/admin/dossiers/2026/documents"))
        #expect(!target.matches(method: .post, rawPath: "/admin/dossiers/2026//documents"))
        #expect(!target.matches(method: .post, rawPath: "/admin/dossiers/2026/a/b/documents"))
        #expect(!target.matches(method: .post, rawPath: "/admin/dossiers/2026/a/documents/1"))
        #expect(target.matches(method: .post, rawPath: "/admin/dossiers/2026/a%2Fb/documents"))
        #expect(!target.matches(method: .post, rawPath: "/admin/dossiers/2026/a/documents/"))
        #expect(!target.matches(method: .post, rawPath: "admin/dossiers/2026/a/documents"))
        #expect(!target.matches(method: .post, rawPath: ""))
        #expect(!target.matches(method: .post, rawPath: "/admin/dossiers/2026/a/document"))
        #expect(!target.matches(method: .post, rawPath: "//admin/dossiers/2026/a/documents"))
        let root = UploadTarget(pattern: "/")
        #expect(root.matches(method: .post, rawPath: "/") && !root.matches(method: .post, rawPath: "/x"))
        #expect(target.description == "POST /admin/dossiers/*/*/documents")
    }

    @Test func uploadTargetsGetTheUploadAllowanceFromTheHead() {
        let upload = "POST /admin/dossiers/2026/x/documents HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n"
        let request = parseAll(bytes(upload + String(repeating: "b", count: 5000)), limits: Self.limits)
        #expect(requests(in: request).first?.body.count == 5000)

        let over = "POST /admin/dossiers/2026/x/documents HTTP/1.1\r\nHost: a\r\nContent-Length: 5001\r\n\r\n"
        #expect(failure(in: parseAll(bytes(over), limits: Self.limits))?.status == .contentTooLarge)

        let elsewhere = "POST /admin/dossiers/2026/x HTTP/1.1\r\nHost: a\r\nContent-Length: 1001\r\n\r\n"
        #expect(failure(in: parseAll(bytes(elsewhere), limits: Self.limits))?.status == .contentTooLarge)
    }

    @Test func pendingBodyLengthIsKnownOnceTheHeadIsParsed() {
        var parser = HTTPRequestParser(limits: Self.limits)
        parser.append(
            bytes("POST /admin/dossiers/2026/x/documents HTTP/1.1\r\nHost: a\r\nContent-Length: 4000\r\n\r\nab"))
        #expect(parser.pendingBodyLength == nil)
        guard case .needMoreData = parser.next() else {
            Issue.record("expected to wait for the body")
            return
        }
        #expect(parser.pendingBodyLength == 4000)
    }

    @Test func anUploadAllowanceNeverLowersTheOrdinaryLimit() {
        let limits = HTTPLimits(maxBodyBytes: 1000, uploadBodyBytes: 10, uploadTargets: [UploadTarget(pattern: "/u")])
        #expect(limits.maxBodyBytes(method: .post, rawPath: "/u") == 1000)
    }
}
