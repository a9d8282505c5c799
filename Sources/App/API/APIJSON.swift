import HTTP
import Store
import Web

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How every API answer is written: JSON with sorted keys, never stored (the data depends on who asks). Lists go
/// on through `APIList`, which lets the caller's own client keep them and revalidate by ETag.
enum APIJSON {
    static func response(_ value: some Encodable, status: HTTPStatus = .ok) throws -> Response {
        Response.bytes(try encode(value), contentType: "application/json", status: status)
            .settingHeader("Cache-Control", "no-store")
    }

    /// The API's one encoding: `HTTPResponse.json`'s (sorted keys, so the same value always gives the same bytes;
    /// slashes unescaped), with snake_case keys, so an item declares its properties and nothing else
    /// (`@Nullable` writes a missing one as `null`). Dictionary keys (codes) are written as they are.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return Array(try encoder.encode(value))
    }

    /// A share (0–1) rounded to 4 decimals, so clients see 0.8333 rather than 0.8333333333333334.
    static func share(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }

    static func share(_ value: Double?) -> Double? {
        value.map { share($0) }
    }
}
