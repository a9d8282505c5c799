/// A JSON value with the line it starts on, so that a form document's errors can name the line to fix
/// (Foundation's JSONSerialization keeps no positions). Object members keep their order.
package struct JSONNode: Sendable, Hashable {
    package enum Value: Sendable, Hashable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        /// The number as written: a form document only holds small integers, read where they are expected.
        case number(String)
        case bool(Bool)
        case null
    }

    package struct Member: Sendable, Hashable {
        package let key: String
        package let value: JSONNode
    }

    package let value: Value
    /// 1-based.
    package let line: Int

    /// The member named `key` of an object; nil for a missing key or a value that is not an object.
    package subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// How the value is named in an error: "chuỗi", "số"….
    package var kindName: String {
        switch value {
        case .object: "đối tượng"
        case .array: "mảng"
        case .string: "chuỗi"
        case .number: "số"
        case .bool: "true/false"
        case .null: "null"
        }
    }
}
