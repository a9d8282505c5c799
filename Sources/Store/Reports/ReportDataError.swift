/// Stored data that breaks an invariant the schema cannot check (a date that does not parse).
public struct ReportDataError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
