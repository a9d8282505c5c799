import Foundation
import Testing

@testable import App
@testable import Store

@Suite struct SearchTextTests {
    /// What `clean` did with Foundation before it moved to the standard library's normalizer.
    static func foundationClean(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\r\n", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let samples = [
        "", "   ", "\r\n", "Phục vụ tốt", "  Phục vụ tốt\r\n", "\u{00A0}Cán bộ\u{3000}",
        // Decomposed (NFD) Vietnamese, as some keyboards send it: "Phục vụ" with combining marks.
        "Phu\u{0323}c vu\u{0323}", "Nguye\u{0302}\u{0303}n Đi\u{0300}nh",
        "dòng 1\r\ndòng 2\rdòng 3\ndòng 4", "\t tab \u{2028}", "\u{0085}x\u{200B}", "a\r\r\nb", "😀 cảm ơn 👍🏽",
        "Ω", "\u{212B}ngstr\u{00F6}m", "e\u{0301}\u{0323}", "\u{1E9B}\u{0323}",
    ]

    @Test func cleanMatchesFoundationsNFCTrimAndLineEnds() {
        for sample in Self.samples {
            let cleaned = SearchText.clean(sample)
            #expect(Array(cleaned.utf8) == Array(Self.foundationClean(sample).utf8), "\(sample.debugDescription)")
        }
    }

    /// Every scalar of the Basic Multilingual Plane, alone and around a word.
    @Test func trimsTheSameScalarsAsFoundation() {
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let sample = String(scalar) + "x" + String(scalar)
            #expect(SearchText.clean(sample) == Self.foundationClean(sample), "U+\(String(value, radix: 16))")
        }
    }

    @Test func nfcComposesVietnameseAndLeavesASCIIAlone() {
        #expect(Array(SearchText.nfc("Phu\u{0323}c vu\u{0323}").utf8) == Array("Phục vụ".utf8))
        #expect(SearchText.nfc("plain ascii") == "plain ascii")
    }
}
