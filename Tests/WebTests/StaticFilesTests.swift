import Foundation
import HTTP
import Testing
import Web

/// A fresh directory tree per test:
///
///     <base>/public/…files…, sub/inner.txt, .env, escape -> ../outside/secret.txt, alias.css -> site.css
///     <base>/outside/secret.txt
///     <base>/public-evil/secret.txt   (shares the root's name as a prefix)
private struct Fixture {
    let base: URL
    let root: URL
    let router: Router

    init() throws {
        let manager = FileManager.default
        base = manager.temporaryDirectory.appendingPathComponent("webtests-\(UUID().uuidString)")
        root = base.appendingPathComponent("public")
        try manager.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try manager.createDirectory(at: base.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try manager.createDirectory(at: base.appendingPathComponent("public-evil"), withIntermediateDirectories: true)
        let files = [
            "site.css": "body{color:red}", "app.js": "1", "logo.svg": "<svg/>", "icon.png": "png",
            "favicon.ico": "ico", "font.woff2": "w", "notes.txt": "ghi chú", "page.html": "<p>x</p>",
            "manifest.webmanifest": "{}", "data.json": "[]", "blob.xyz": "?", "sub/inner.txt": "inner",
            ".env": "SECRET=1",
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }
        try Data("outside secret".utf8).write(to: base.appendingPathComponent("outside/secret.txt"))
        try Data("evil secret".utf8).write(to: base.appendingPathComponent("public-evil/secret.txt"))
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("escape").path,
            withDestinationPath: "../outside/secret.txt")
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("evil").path,
            withDestinationPath: "../public-evil/secret.txt")
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("alias.css").path,
            withDestinationPath: "site.css")
        var router = Router()
        router.get("/static/*path", handler: try StaticFiles(root: root.path).handler)
        self.router = router
    }

    func get(_ target: String, headers: [(String, String)] = []) async -> HTTPResponse {
        await router.respond(to: makeRequest(.get, target, headers: headers))
    }

    func setModified(_ name: String, to date: Date) throws {
        let path = root.appendingPathComponent(name).path
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    func remove() { try? FileManager.default.removeItem(at: base) }
}

@Test func servesFilesWithTheRightMediaType() async throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let expected = [
        "site.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
        "logo.svg": "image/svg+xml", "icon.png": "image/png", "favicon.ico": "image/x-icon",
        "font.woff2": "font/woff2", "notes.txt": "text/plain; charset=utf-8", "page.html": "text/html; charset=utf-8",
        "manifest.webmanifest": "application/manifest+json", "data.json": "application/json",
        "blob.xyz": "application/octet-stream",
    ]
    for (name, type) in expected {
        let response = await fixture.get("/static/\(name)")
        #expect(response.status == .ok, "\(name)")
        #expect(response.headers["Content-Type"] == type, "\(name)")
    }
    let notes = await fixture.get("/static/notes.txt")
    #expect(notes.bodyText == "ghi chú")
    #expect(await fixture.get("/static/sub/inner.txt").bodyText == "inner")
    #expect(await fixture.get("/static/alias.css").bodyText == "body{color:red}", "a link inside the root is fine")
}

@Test func validatorsAndCacheControl() async throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.setModified("site.css", to: Date(timeIntervalSince1970: 784_111_777))
    let response = await fixture.get("/static/site.css")
    #expect(response.headers["Cache-Control"] == "public, max-age=3600")
    #expect(response.headers["Last-Modified"] == "Sun, 06 Nov 1994 08:49:37 GMT")
    let tag = try #require(response.headers["ETag"])
    #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && tag.count > 4)
    let head = await fixture.router.respond(to: makeRequest(.head, "/static/site.css"))
    #expect(head.status == .ok && head.headers["ETag"] == tag)
}

@Test func ifNoneMatchGivesNotModified() async throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let tag = try #require(await fixture.get("/static/site.css").headers["ETag"])
    for header in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
        let response = await fixture.get("/static/site.css", headers: [("If-None-Match", header)])
        #expect(response.status == .notModified, "\(header)")
        #expect(response.body.isEmpty)
        #expect(response.headers["ETag"] == tag)
        #expect(response.headers["Cache-Control"] == "public, max-age=3600")
    }
    // A non-matching tag wins over a date that would say "not modified".
    let stale = await fixture.get(
        "/static/site.css",
        headers: [
            ("If-None-Match", "\"other\""), ("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"),
        ])
    #expect(stale.status == .ok)
}

@Test func ifModifiedSinceGivesNotModified() async throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    try fixture.setModified("site.css", to: Date(timeIntervalSince1970: 784_111_777))
    let same = await fixture.get("/static/site.css", headers: [("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT")])
    #expect(same.status == .notModified && same.body.isEmpty)
    let later = await fixture.get("/static/site.css", headers: [("If-Modified-Since", "Mon, 07 Nov 1994 00:00:00 GMT")])
    #expect(later.status == .notModified)
    let earlier = await fixture.get(
        "/static/site.css", headers: [("If-Modified-Since", "Sun, 06 Nov 1994 08:49:36 GMT")])
    #expect(earlier.status == .ok)
    let garbage = await fixture.get("/static/site.css", headers: [("If-Modified-Since", "yesterday")])
    #expect(garbage.status == .ok)
}

@Test func changedFilesAreServedFresh() async throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let first = await fixture.get("/static/notes.txt")
    try Data("mới hơn, dài hơn".utf8).write(to: fixture.root.appendingPathComponent("notes.txt"))
    let second = await fixture.get("/static/notes.txt")
    #expect(second.bodyText == "mới hơn, dài hơn")
    #expect(first.headers["ETag"] != second.headers["ETag"])
}

@Test func traversalAndHiddenFilesAreRefused() async throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let attacks = [
        "/static/../outside/secret.txt",
        "/static/sub/../../outside/secret.txt",
        "/static/%2e%2e/outside/secret.txt",
        "/static/%2E%2E/%2e%2e/outside/secret.txt",
        "/static/..%2Foutside%2Fsecret.txt",
        "/static/..%2foutside/secret.txt",
        "/static/sub%2Finner.txt",
        "/static/..\\outside\\secret.txt",
        "/static/..%5Coutside%5Csecret.txt",
        "/static/site.css%00.txt",
        "/static/escape",
        "/static/evil",
        "/static/.env",
        "/static/%2Eenv",
        "/static/./site.css",
        "/static/sub",
        "/static/missing.css",
    ]
    for target in attacks {
        let response = await fixture.get(target)
        #expect(response.status == .notFound, "\(target)")
        #expect(!response.bodyText.contains("secret"), "\(target)")
    }
}

@Test func rootMustBeAnExistingDirectory() throws {
    #expect(throws: StaticFilesError.self) { try StaticFiles(root: "/nonexistent/qcdc-\(UUID().uuidString)") }
    let fixture = try Fixture()
    defer { fixture.remove() }
    #expect(throws: StaticFilesError.rootNotDirectory(path: fixture.root.appendingPathComponent("notes.txt").path)) {
        try StaticFiles(root: fixture.root.appendingPathComponent("notes.txt").path)
    }
}
