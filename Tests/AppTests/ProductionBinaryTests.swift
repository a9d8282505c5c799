import Foundation
import Testing

/// What the shipped `qcdc` must not carry: the benchmark data generator (a binary of its own, `qcdc-bench-data`)
/// and the benchmark switches that only a build with -DQCDC_BENCHMARK_SWITCHES reads.
@Suite struct ProductionBinaryTests {
    @Test func qcdcCarriesNoBenchmarkCode() throws {
        let binary = CommandLineTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build first: swift build (\(binary))")
        let bytes = try #require(FileManager.default.contents(atPath: binary))
        for marker in ["QCDC_WRITE_BATCH", "BenchDataGenerator", "bench-data"] {
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) in \(binary)")
        }
    }
}
