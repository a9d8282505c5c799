/// Why the benchmark data set could not be generated, in Vietnamese, with what to do.
public struct BenchDataError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
