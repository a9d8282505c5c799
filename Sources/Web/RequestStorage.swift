/// A key for `RequestStorage`. Declare one per kind of value, usually as an empty enum:
///
///     enum SessionKey: RequestStorageKey { typealias Value = Session }
///     request.storage[SessionKey.self] = session
public protocol RequestStorageKey {
    associatedtype Value: Sendable
}

/// Typed values middleware attaches to a request for the handlers after it (the session, the signed-in user).
/// The key's type fixes the value's type, so reading never needs a cast at the call site.
public struct RequestStorage: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    public subscript<Key: RequestStorageKey>(key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)] as? Key.Value }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}
