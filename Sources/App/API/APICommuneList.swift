import Web

/// `GET /api/v1/campaigns/{id}/communes` written straight to bytes: at 3,321 communes Foundation's `JSONEncoder`
/// took about half of the request. The output is byte for byte what `APIJSON.response` gives for
/// `[APICommuneItem]` (sorted keys, slashes unescaped, shares rounded to 4 decimals); a text with a control
/// character, which no unit name should have, goes through `JSONEncoder` to keep its escaping rules.
enum APICommuneList {
    static func response(_ items: [APICommuneItem]) throws -> Response {
        guard let bytes = json(items) else { return try APIJSON.response(items) }
        return Response.bytes(bytes, contentType: "application/json").settingHeader("Cache-Control", "no-store")
    }

    /// nil when a text needs escapes beyond `"` and `\`.
    static func json(_ items: [APICommuneItem]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(items.count * 180)
        out.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(#"{"answers":\#(item.answers),"code":"#.utf8)
            guard string(item.code, to: &out) else { return nil }
            out += Array(#","district":"#.utf8)
            if let district = item.district {
                guard string(district, to: &out) else { return nil }
            } else {
                out += Array("null".utf8)
            }
            out += Array(#","name":"#.utf8)
            guard string(item.name, to: &out) else { return nil }
            out += Array(#","quota_status":"#.utf8)
            guard string(item.quotaStatus, to: &out) else { return nil }
            out += Array(#","reports_on_time":\#(item.reportsOnTime),"satisfied_share":"#.utf8)
            out += Array((item.satisfiedShare.map(share) ?? "null").utf8)
            out += Array(#","visitors":\#(item.visitors)}"#.utf8)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// A JSON string; false for a control character.
    static func string(_ text: String, to out: inout [UInt8]) -> Bool {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte < 0x20 { return false }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
        return true
    }

    /// A share already rounded to 4 decimals (`APIJSON.share`), as JSONEncoder prints it: "1", "0.75", "0.8333".
    static func share(_ value: Double) -> String {
        let tenThousandths = Int((value * 10_000).rounded())
        let whole = tenThousandths / 10_000, fraction = abs(tenThousandths % 10_000)
        let sign = tenThousandths < 0 && whole == 0 ? "-" : ""
        guard fraction != 0 else { return "\(sign)\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }
}
