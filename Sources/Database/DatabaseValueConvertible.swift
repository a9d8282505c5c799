/// A Swift type that can be bound to a statement parameter and read back from a result column.
///
/// Dates are deliberately not convertible: store instants as explicit `Int64` Unix-epoch seconds (or
/// ISO-8601 text you format yourself) so every column says in its name and type what it holds.
public protocol DatabaseValueConvertible: Sendable {
    var databaseValue: DatabaseValue { get }

    /// nil when the stored value cannot become this type without loss; the caller turns that into a
    /// `RowDecodingError` naming the column.
    static func decode(from value: DatabaseValue) -> Self?
}
