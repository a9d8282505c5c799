/// An optional the API writes as `null` when missing: synthesized `Encodable` leaves a nil optional's key out
/// (`encodeIfPresent`), and the API promises every key on every object of a kind.
// swift-format-ignore: UseSynthesizedInitializer
@propertyWrapper
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    var wrappedValue: Value?

    /// Declared, though the same as the synthesized one: only then does an item's memberwise initializer take the
    /// plain optional rather than the wrapper.
    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension Nullable: Equatable where Value: Equatable {}
extension Nullable: Hashable where Value: Hashable {}
