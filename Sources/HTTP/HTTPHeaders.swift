/// Header fields in arrival order. Names compare case-insensitively (RFC 9110 §5.1); duplicates are kept,
/// so a caller can refuse conflicting values instead of silently taking the last one.
public struct HTTPHeaders: Sendable, Hashable, Sequence {
    public typealias Field = (name: String, value: String)

    // Module-visible so the serializer reads the fields in place instead of through copies of both arrays.
    private(set) var names: [String] = []
    private(set) var values: [String] = []

    static let typicalFieldCount = 12

    public init() {}

    public init(_ fields: [(String, String)]) {
        for (name, value) in fields { add(name, value) }
    }

    public var count: Int { names.count }

    public mutating func add(_ name: String, _ value: String) {
        if names.capacity == 0 {
            // A response gathers about ten fields (security headers, cache policy, request id): room for them at
            // once instead of growing both arrays four times.
            names.reserveCapacity(Self.typicalFieldCount)
            values.reserveCapacity(Self.typicalFieldCount)
        }
        names.append(name)
        values.append(value)
    }

    /// Replaces every field of that name with one field.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    public mutating func remove(_ name: String) {
        var index = names.count - 1
        while index >= 0 {
            if Self.equalNames(names[index], name) {
                names.remove(at: index)
                values.remove(at: index)
            }
            index -= 1
        }
    }

    /// The first value of that name.
    public subscript(name: String) -> String? {
        for index in names.indices where Self.equalNames(names[index], name) { return values[index] }
        return nil
    }

    /// Every value of that name, in arrival order.
    public func values(named name: String) -> [String] {
        names.indices.filter { Self.equalNames(names[$0], name) }.map { values[$0] }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public struct Iterator: IteratorProtocol {
        let names: [String]
        let values: [String]
        var index = 0

        public mutating func next() -> Field? {
            guard index < names.count else { return nil }
            defer { index += 1 }
            return (names[index], values[index])
        }
    }

    public func makeIterator() -> Iterator { Iterator(names: names, values: values) }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.names == rhs.names && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(names)
        hasher.combine(values)
    }

    /// ASCII case-insensitive comparison without allocating lowercased copies.
    static func equalNames(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.utf8
        let right = rhs.utf8
        guard left.count == right.count else { return false }
        // Names are nearly always written as the code asks for them ("Content-Type"): the standard library compares
        // two ASCII strings' bytes at once, before any byte-by-byte folding.
        if lhs == rhs { return true }
        for (a, b) in zip(left, right) where a != b {
            guard lowercase(a) == lowercase(b) else { return false }
        }
        return true
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }
}
