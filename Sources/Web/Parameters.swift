/// Values captured from the path by `:name` and `*name` segments, percent-decoded.
public struct Parameters: Sendable {
    private var names: [String] = []
    private var values: [String] = []

    /// The decoded segments a trailing `*name` matched, kept apart so that a file server can check each
    /// segment on its own (a decoded `%2F` inside one segment must never act as a separator).
    public internal(set) var catchAllSegments: [String]?

    public init() {}

    init(names: [String], values: [String], catchAllSegments: [String]?) {
        self.names = names
        self.values = values
        self.catchAllSegments = catchAllSegments
    }

    public subscript(name: String) -> String? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }

    public var isEmpty: Bool { names.isEmpty }

    /// The parameter, or a 400 when the route does not capture it.
    public func require(_ name: String) throws -> String {
        guard let value = self[name] else { throw HTTPError(.badRequest) }
        return value
    }

    /// The parameter converted (`Int`, `UUID`…), or a 400 when it is missing or does not convert: a malformed
    /// identifier in a URL is the client's mistake, not ours.
    public func require<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type) throws -> Value {
        guard let value = Value(try require(name)) else { throw HTTPError(.badRequest) }
        return value
    }
}
