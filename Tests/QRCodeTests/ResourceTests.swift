import Foundation
import Testing
@testable import QRCode

@Suite(.serialized) struct ResourceTests {
    /// Large enough (version 24, 113 modules) that leaking any C object per round shows up in megabytes.
    static let largeText = String(repeating: "https://qcdc.example.vn/q/07210?", count: 20)

    @Test func twoThousandRoundsDoNotGrowMemory() throws {
        func round(_ index: Int) throws {
            let short = try QRCode.encode("https://qcdc.example.vn/q/\(index)")
            _ = short.svg(label: "Mã \(index)")
            _ = try short.png()
            _ = try QRCode.encode(Self.largeText).png(scale: 2)
            // Error paths must free too.
            _ = try? short.png(scale: 10_000)
            _ = try? QRCode.encode(String(repeating: "a", count: 2_332))
        }
        for index in 0..<100 { try round(index) }
        let before = try residentBytes()
        for index in 0..<2_000 { try round(index) }
        let growth = try residentBytes() - before
        // A leaked QRcode here is ~13 KB a round (26 MB in all); a leaked libpng writer is far more.
        // Other test suites may run at the same time, so the bound leaves room for their allocations.
        #expect(growth < 12 * 1_024 * 1_024, "resident memory grew by \(growth) bytes")
    }

    @Test func encodingAndSVGForOneURLIsFast() throws {
        let iterations = 500
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for index in 0..<iterations {
                _ = try QRCode.encode("https://qcdc.example.vn/q/\(10_000 + index)").svg()
            }
        }
        let perCode = elapsed / iterations
        // Loose on purpose: debug builds on a shared two-core machine. Release runs are far faster.
        #expect(perCode < .milliseconds(3), "one URL took \(perCode)")
    }

    private func residentBytes() throws -> Int {
        // statm's second field is resident pages.
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let fields = statm.split(separator: " ")
        let pages = try #require(fields.count > 1 ? Int(fields[1]) : nil)
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
