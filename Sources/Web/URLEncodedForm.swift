/// Decoded `name=value` pairs from a query string or a form body, in the order they were sent.
public struct URLEncodedForm: Sendable {
    public private(set) var pairs: [(name: String, value: String)]

    public init(pairs: [(name: String, value: String)] = []) {
        self.pairs = pairs
    }

    /// Decodes `encoded`; malformed percent escapes or invalid UTF-8 are a 400.
    public init(decoding encoded: some Collection<UInt8>) throws(HTTPError) {
        do {
            pairs = try FormDecoding.pairs(encoded)
        } catch {
            throw HTTPError(.badRequest)
        }
    }

    /// The first value sent under `name`.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value sent under `name` (checkboxes, multiple selects), in order.
    public func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    public var isEmpty: Bool { pairs.isEmpty }
}
