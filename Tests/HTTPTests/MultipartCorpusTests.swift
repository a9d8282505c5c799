import Testing

@testable import HTTP

/// Replays the committed multipart fuzz seeds (Fuzz/corpus/multipart) with the fuzzer's properties: every seed
/// gives parts or a typed 400/413, never a trap, and the same outcome at every split point and byte by byte.
@Suite struct MultipartCorpusTests {
    static let limits = MultipartLimits(
        maxParts: 8, maxHeaderBytesPerPart: 256, maxTotalBytes: 1 << 20, maxFieldBytes: 64)

    @Test func everySeedGivesPartsOrATypedErrorWhateverTheSplit() throws {
        let seeds = try FuzzCorpusReplayTests.seeds("multipart")
        #expect(seeds.count >= 15)
        var accepted = 0
        var refused = 0
        for seed in seeds {
            let body = Array(seed.bytes.dropFirst())  // the first byte is the fuzzer's split choice
            let whole = parseMultipart(body, limits: Self.limits)
            if let error = whole.error {
                #expect([400, 413].contains(error.status.code), "seed \(seed.name): \(error)")
                refused += 1
            } else {
                #expect(whole.finished, "seed \(seed.name)")
                accepted += 1
            }
            for split in 0...body.count {
                #expect(
                    parseMultipart(body, splitAt: [split], limits: Self.limits) == whole,
                    "seed \(seed.name) at \(split)")
            }
            #expect(
                parseMultipart(body, splitAt: Array(0...body.count), limits: Self.limits) == whole, "seed \(seed.name)")
        }
        #expect(accepted >= 4 && refused >= 10)
    }

    @Test func seedsMeanWhatTheirNamesSay() throws {
        let seeds = Dictionary(
            uniqueKeysWithValues: try FuzzCorpusReplayTests.seeds("multipart").map {
                ($0.name, Array($0.bytes.dropFirst()))
            })
        let statuses: [String: Int?] = [
            "simple": nil, "file": nil, "filename-star": nil, "windows-path": nil, "close-only": nil,
            "no-final": 400, "bare-lf": 400, "many-parts": 413, "big-field": 413, "long-header": 413, "padding": 400,
            "empty": 400, "unterminated-quote": 400, "dup-param": 400,
        ]
        for (name, status) in statuses {
            let body = try #require(seeds[name], "missing seed \(name)")
            #expect(parseMultipart(body, limits: Self.limits).error?.status.code == status, "seed \(name)")
        }
        let file = parseMultipart(try #require(seeds["file"]), limits: Self.limits)
        #expect(file.part("file")?.head.filename == "Tờ trình.pdf")
    }
}
