import Foundation
import HTTP
import Testing
import Web

@testable import App
@testable import Store

/// gzip over the whole site: a round trip for every compressed type (HTML, CSS, JavaScript, JSON, CSV), the plain
/// body for `identity` or `gzip;q=0`, nothing for PNG or XLSX, `Vary: Accept-Encoding`, and 304 for the compressed
/// representation's ETag.
@Suite struct CompressionTests {
    static let gzip = ("Accept-Encoding", "gzip, deflate, br")

    func expectRoundTrip(_ app: TestApp, _ path: String, headers: [(String, String)], type: String) async throws {
        let plain = await app.get(path, headers: headers + [("Accept-Encoding", "identity")])
        #expect(plain.status == .ok, "\(path)")
        #expect(plain.headers["Content-Encoding"] == nil, "\(path): identity gets the plain body")
        #expect(plain.headers["Vary"]?.contains("Accept-Encoding") == true, "\(path)")
        #expect(plain.body.count >= 1024, "\(path) is large enough to be compressed")
        let zipped = await app.get(path, headers: headers + [Self.gzip])
        #expect(zipped.headers["Content-Encoding"] == "gzip", "\(path)")
        #expect(
            zipped.headers["Content-Type"]?.hasPrefix(type) == true, "\(path): \(zipped.headers["Content-Type"] ?? "")")
        #expect(zipped.body.count < plain.body.count, "\(path)")
        let unzipped = try #require(Gzip.decompress(zipped.body), "\(path) is a valid gzip stream")
        // Pages carry per-rendering tokens, so compare structure for HTML, bytes for the rest.
        if type == "text/html" {
            #expect(String(decoding: unzipped, as: UTF8.self).hasPrefix("<!doctype html>"), "\(path)")
            #expect(abs(unzipped.count - plain.body.count) < 256, "\(path)")
        } else {
            #expect(unzipped == plain.body, "\(path)")
        }
    }

    @Test func everyCompressedTypeRoundTrips() async throws {
        let world = try await APIWorld()
        let app = world.app
        let province = try await app.signIn("tinh24")
        let bearer = [("Authorization", "Bearer \(world.tokens["tinh24"] ?? "")")]
        try await expectRoundTrip(
            app, SiteRoute.dashboard(campaign: world.campaignID).path, headers: [province.cookieHeader],
            type: "text/html")
        try await expectRoundTrip(app, SiteRoute.asset(path: "site.css").path, headers: [], type: "text/css")
        try await expectRoundTrip(app, SiteRoute.asset(path: "form.js").path, headers: [], type: "text/javascript")
        try await expectRoundTrip(
            app, SiteRoute.apiQuestions(campaign: world.campaignID).path, headers: bearer, type: "application/json")
        try await expectRoundTrip(
            app, SiteRoute.exportCSV(campaign: app.demoCampaignID).path, headers: [province.cookieHeader],
            type: "text/csv")
        await world.close()
    }

    @Test func refusalsAndCompressedTypesStayPlain() async throws {
        let app = try await TestApp()
        let css = SiteRoute.asset(path: "site.css").path
        for refusal in ["gzip;q=0", "identity", "br", "gzip;q=0, *;q=1", ""] {
            let response = await app.get(css, headers: [("Accept-Encoding", refusal)])
            #expect(response.headers["Content-Encoding"] == nil, "\(refusal)")
        }
        #expect(await app.get(css, headers: [("Accept-Encoding", "*")]).headers["Content-Encoding"] == "gzip")
        #expect(await app.get(css, headers: [("Accept-Encoding", "GZIP;q=0.5")]).headers["Content-Encoding"] == "gzip")
        // A QR code is a PNG: already compressed, sent as it is and without Vary.
        let png = await app.get(SiteRoute.qrPoster(unit: "07201").path + ".png", headers: [Self.gzip])
        if png.status == .ok {
            #expect(png.headers["Content-Encoding"] == nil)
        }
        #expect(!CompressionMiddleware.isCompressible("image/png"))
        #expect(
            !CompressionMiddleware.isCompressible("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        #expect(CompressionMiddleware.isCompressible("text/html; charset=utf-8"))
        await app.close()
    }

    @Test func theCompressedRepresentationHasItsOwnETag() async throws {
        let app = try await TestApp()
        let css = SiteRoute.asset(path: "site.css").path
        let plain = await app.get(css, headers: [])
        let zipped = await app.get(css, headers: [Self.gzip])
        let plainTag = try #require(plain.headers["ETag"])
        let zippedTag = try #require(zipped.headers["ETag"])
        #expect(plainTag != zippedTag)
        let again = await app.get(css, headers: [Self.gzip, ("If-None-Match", zippedTag)])
        #expect(again.status == .notModified)
        #expect(again.body.isEmpty)
        #expect(again.headers["ETag"] == zippedTag)
        #expect(await app.get(css, headers: [("If-None-Match", plainTag)]).status == .notModified)
        await app.close()
    }
}
