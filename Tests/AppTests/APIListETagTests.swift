import Crypto
import Foundation
import HTTP
import Survey
import Testing

@testable import App
@testable import Store

/// Every list answer carries a strong ETag of its bytes and `Cache-Control: private, no-cache`; `If-None-Match`
/// gets 304 when it names the tag (alone, in a list, weak) or is `*`, also through gzip (`CompressionMiddleware`).
@Suite struct APIListETagTests {
    static let gzip = ("Accept-Encoding", "gzip")

    @Test func theTagIsTheBodysHashAndNamingItGets304() async throws {
        let world = try await APIWorld()
        try await world.fillDataSet()
        let targets =
            APIListRefusalTests.targets(world) + [
                APIListPaging.adding("limit=2", to: SiteRoute.apiCommunes(campaign: world.campaignID).path),
                SiteRoute.apiQuestions(campaign: world.campaignID).href([("district", "213"), ("limit", "3")]),
            ]
        for target in targets {
            let response = await world.get(target, as: "tinh24")
            #expect(response.status == .ok, "\(target)")
            #expect(response.headers["Cache-Control"] == "private, no-cache")
            let tag = try #require(response.headers["ETag"])
            var hashed = response.body
            if let link = response.headers["Link"] { hashed += Array(("\n" + link).utf8) }
            #expect(tag == "\"" + Hex.encode(SHA256.digest(hashed)) + "\"", "\(target)")
            #expect(try await world.etag(target, as: "tinh24") == tag, "stable for the same data")

            for condition in [tag, "W/" + tag, "\"x\", " + tag, "\"x\",\t W/\(tag) ,", "*"] {
                let cached = await world.get(target, as: "tinh24", headers: [("If-None-Match", condition)])
                #expect(cached.status == .notModified, "\(target) \(condition)")
                #expect(cached.body.isEmpty)
                #expect(cached.headers["ETag"] == tag)
                #expect(cached.headers["Cache-Control"] == "private, no-cache")
                #expect(cached.headers["Link"] == response.headers["Link"])
            }
            // A list split over two field lines counts too.
            let split = await world.get(
                target, as: "tinh24", headers: [("If-None-Match", "\"x\""), ("If-None-Match", tag)])
            #expect(split.status == .notModified)
            for condition in ["\"x\"", String(tag.dropLast()) + "0\"", "\"\"", String(tag.dropFirst().dropLast())] {
                let fresh = await world.get(target, as: "tinh24", headers: [("If-None-Match", condition)])
                #expect(fresh.status == .ok, "\(target) \(condition)")
                #expect(fresh.body == response.body)
            }
            // HEAD: the same validators, and 304 the same way.
            let head = await world.app.send(
                .head, target, headers: [("Authorization", "Bearer \(world.tokens["tinh24"] ?? "")")])
            #expect(head.status == .ok && head.headers["ETag"] == tag, "\(target) HEAD")
            let headCached = await world.app.send(
                .head, target,
                headers: [("Authorization", "Bearer \(world.tokens["tinh24"] ?? "")"), ("If-None-Match", tag)])
            #expect(headCached.status == .notModified, "\(target) HEAD")
        }
        await world.close()
    }

    @Test func theTagChangesWithTheData() async throws {
        let world = try await APIWorld()
        let communes = SiteRoute.apiCommunes(campaign: world.campaignID).path
        let questions = SiteRoute.apiQuestions(campaign: world.campaignID).path
        let year = SiteRoute.apiYearCommunes(year: 2024).path
        let campaigns = "/api/v1/campaigns"
        func tags() async throws -> [String] {
            var tags: [String] = []
            for target in [communes, questions, year, campaigns] {
                tags.append(try await world.etag(target, as: "tinh24"))
            }
            return tags
        }
        let before = try await tags()
        try await world.answer("07204", on: APIWorld.tuesday, positive: 1)
        let answered = try await tags()
        #expect(answered[0] != before[0] && answered[1] != before[1] && answered[2] != before[2], "a new answer")
        #expect(answered[3] == before[3])
        try await world.file("07207", on: APIWorld.tuesday, visitors: 9)
        let reported = try await tags()
        #expect(reported[0] != answered[0], "a new report")
        #expect(reported[1] == answered[1] && reported[3] == answered[3])
        try await APIWorld.createCampaign(
            world.app, title: "Đợt mới", scope: .units(["07201"]), start: APIWorld.tuesday, end: APIWorld.wednesday)
        #expect(try await world.etag(campaigns, as: "tinh24") != reported[3], "a new campaign")
        // Each account's list is its own representation.
        #expect(try await world.etag(communes, as: "xa07201") != reported[0])
        await world.close()
    }

    /// The last page of a list that later grows keeps its body but gains a `Link`: its tag changes, so a client
    /// revalidating it learns of the next page.
    @Test func aLastPageThatGainsANextPageChangesTag() async throws {
        let world = try await APIWorld()
        let target = "/api/v1/campaigns?limit=1"
        let pages = try await world.pages("/api/v1/campaigns", limit: 1, as: "xa07243")
        let last = try #require(pages.last)
        #expect(last.headers["Link"] == nil)
        let lastTarget = pages.count > 1 ? try #require(try APIListPaging.nextTarget(pages[pages.count - 2])) : target
        let tag = try #require(last.headers["ETag"])
        // A campaign that starts before every other one lists after them all.
        try await APIWorld.createCampaign(
            world.app, title: "Đợt cũ", scope: .units(["07243"]), start: LocalDate(iso: "2024-01-01")!,
            end: APIWorld.wednesday)
        let again = await world.get(lastTarget, as: "xa07243", headers: [("If-None-Match", tag)])
        #expect(again.status == .ok)
        #expect(again.body == last.body)
        #expect(again.headers["Link"] != nil)
        #expect(again.headers["ETag"] != tag)
        await world.close()
    }

    /// A client that got the gzip body sends its `-gz` tag back, one that got the plain body the plain tag: 304 for
    /// both, with the tag it sent.
    @Test func bothTheGzipAndThePlainTagGet304() async throws {
        let world = try await APIWorld()
        let target = SiteRoute.apiCommunes(campaign: world.app.demoCampaignID).path
        for list in [target, target + "?limit=50"] {
            let plain = await world.get(list, as: "tinh24")
            let zipped = await world.get(list, as: "tinh24", headers: [Self.gzip])
            #expect(zipped.headers["Content-Encoding"] == "gzip", "large enough to be compressed")
            let plainTag = try #require(plain.headers["ETag"])
            let zippedTag = try #require(zipped.headers["ETag"])
            #expect(zippedTag == String(plainTag.dropLast()) + "-gz\"")
            #expect(zipped.headers["Cache-Control"] == "private, no-cache")
            for (tag, headers) in [
                (zippedTag, [Self.gzip]), (plainTag, [Self.gzip]), (plainTag, []), ("W/" + zippedTag, [Self.gzip]),
                ("\"x\", " + zippedTag, [Self.gzip]),
            ] {
                let cached = await world.get(list, as: "tinh24", headers: headers + [("If-None-Match", tag)])
                #expect(cached.status == .notModified, "\(list) \(tag) \(headers)")
                #expect(cached.body.isEmpty)
                #expect(cached.headers["ETag"] == (tag.hasSuffix("-gz\"") ? zippedTag : plainTag))
                #expect(cached.headers["Vary"]?.contains("Accept-Encoding") == true)
                #expect(cached.headers["Cache-Control"] == "private, no-cache")
            }
            // A gzip tag from a client that no longer takes gzip names another representation: the full plain body.
            let changed = await world.get(list, as: "tinh24", headers: [("If-None-Match", zippedTag)])
            #expect(changed.status == .ok)
            #expect(changed.body == plain.body)
        }
        await world.close()
    }
}
