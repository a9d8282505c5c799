import Foundation
import Testing
@testable import QRCode

@Suite(.serialized) struct ResourceTests {
    /// Large enough that leaking any C object per round shows up in megabytes, small enough to encode fast.
    static let largeText = String(repeating: "https://qcdc.example.vn/q/07210?", count: 10)

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
        // Measured: at most 0.2 MB without leaks; leaking only the PNG buffers grew it by 4.8 MB, leaking only
        // the QRcode objects by 11 MB, and a leaked libpng writer costs far more. Other suites may allocate
        // at the same time, so the bound leaves them some room.
        #expect(growth < 3 * 1_024 * 1_024, "resident memory grew by \(growth) bytes")
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
