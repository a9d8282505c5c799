import HTTP
import Store
import Web

/// How every API answer is written: JSON with sorted keys, never stored (the data depends on who asks). Lists go
/// on through `APIList`, which lets the caller's own client keep them and revalidate by ETag.
enum APIJSON {
    static func response(_ value: some Encodable, status: HTTPStatus = .ok) throws -> Response {
        try Response.json(value, status: status).settingHeader("Cache-Control", "no-store")
    }

    /// A share (0–1) rounded to 4 decimals, so clients see 0.8333 rather than 0.8333333333333334.
    static func share(_ value: Double?) -> Double? {
        value.map { ($0 * 10_000).rounded() / 10_000 }
    }
}
