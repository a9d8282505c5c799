import Foundation
import Testing

@testable import HTTP

/// Replays the committed fuzz seeds (Fuzz/corpus/) with the fuzzers' own properties, so `swift test` keeps
/// checking them without libFuzzer: the request parser must find the same requests whatever the TCP
/// segmentation, and a decoded form must survive encode → decode.
@Suite struct FuzzCorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    static func seeds(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = corpus.appendingPathComponent(target)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { name in
            (name, Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }

    /// The fuzz target's input starts with its split plan (count in the low nibble, then one byte per split);
    /// the rest is what the client sends.
    static func payload(ofHTTPSeed seed: [UInt8]) -> [UInt8] {
        guard let first = seed.first else { return [] }
        let skip = 1 + Int(first & 0x0F)
        return skip <= seed.count ? Array(seed[skip...]) : []
    }

    struct Outcome: Equatable {
        let requests: [RequestDigest]
        let failed: Bool

        init(_ results: [HTTPParseResult]) {
            requests = HTTPTests.requests(in: results).map(RequestDigest.init)
            failed = failure(in: results) != nil
        }
    }

    @Test func httpSeedsParseTheSameAtEverySplitPoint() throws {
        let seeds = try Self.seeds("http-parser")
        #expect(seeds.count >= 5)
        for seed in seeds {
            let data = Self.payload(ofHTTPSeed: seed.bytes)
            let whole = Outcome(parseAll(data))
            for split in 0...data.count {
                #expect(Outcome(parseAll(data, splitAt: [split])) == whole, "seed \(seed.name), split at \(split)")
            }
            #expect(Outcome(parseAll(data, splitAt: Array(0...data.count))) == whole, "seed \(seed.name), byte by byte")
        }
    }

    @Test func httpSeedsThatAreValidYieldRequests() throws {
        let valid = Set(["get", "post-split", "pipelined", "expect", "http10"])
        for seed in try Self.seeds("http-parser") where valid.contains(seed.name) {
            let outcome = Outcome(parseAll(Self.payload(ofHTTPSeed: seed.bytes)))
            #expect(!outcome.failed && !outcome.requests.isEmpty, "seed \(seed.name)")
        }
        let pipelined = try #require(try Self.seeds("http-parser").first { $0.name == "pipelined" })
        #expect(
            Outcome(parseAll(Self.payload(ofHTTPSeed: pipelined.bytes))).requests.map(\.method) == [
                "GET", "POST", "GET",
            ])
    }

    @Test func formSeedsSurviveEncodeAndDecode() throws {
        var decodedAny = false
        for seed in try Self.seeds("urlencoded") {
            guard let form = try? URLEncodedForm(decoding: seed.bytes) else { continue }
            decodedAny = true
            #expect(try URLEncodedForm(decoding: form.encoded) == form, "seed \(seed.name)")
        }
        #expect(decodedAny)
    }
}
