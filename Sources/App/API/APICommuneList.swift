import Store
import Web

/// `GET /api/v1/campaigns/{id}/communes` written straight to bytes: at 3,321 communes Foundation's `JSONEncoder`
/// took about half of the request. The output is byte for byte what `APIJSON.response` gives for
/// `[APICommuneItem]` (sorted keys, slashes unescaped, shares rounded to 4 decimals): the same figures in the same
/// key order (`APICommuneItem.figures`), each value written by its `ExportCell` case. A text with a control
/// character, which no unit name should have, or a number the writer does not print the way `JSONEncoder` does,
/// goes through `JSONEncoder` instead.
enum APICommuneList {
    static func response(_ items: [APICommuneItem]) throws -> Response {
        guard let bytes = json(items) else { return try APIJSON.response(items) }
        return Response.bytes(bytes, contentType: "application/json").settingHeader("Cache-Control", "no-store")
    }

    /// nil when a value needs what only `JSONEncoder` does (see the type's note). `figures` must be sorted by key,
    /// as `APICommuneItem.figures` is; keys are plain names (a test checks), written as they are.
    static func json(
        _ items: [APICommuneItem],
        figures: [(key: String, figure: UnitFigure)] = APICommuneItem.figures
    ) -> [UInt8]? {
        // `{"key":` before the first value, `,"key":` before the others.
        let prefixes = figures.indices.map { Array("\($0 == 0 ? "{" : ",")\"\(figures[$0].key)\":".utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(items.count * 180)
        out.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            for place in figures.indices {
                out += prefixes[place]
                guard value(figures[place].figure.jsonValue(for: item.unit), to: &out) else { return nil }
            }
            if figures.isEmpty { out.append(UInt8(ascii: "{")) }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// One value as `APICommuneItem.encode(to:)` writes it; false when only `JSONEncoder` can.
    static func value(_ cell: ExportCell, to out: inout [UInt8]) -> Bool {
        switch cell {
        case .text(let text):
            return string(text, to: &out)
        case .integer(let number):
            out += String(number).utf8
        case .decimal(let number, let digits):
            guard let text = fixed(number, digits: digits) else { return false }
            out += text.utf8
        case .percentage(let share):
            guard let text = fixed(share, digits: 4) else { return false }
            out += text.utf8
        case .date(let date):
            return string(date.iso, to: &out)
        case .empty:
            out += "null".utf8
        }
        return true
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
        fixed(value, digits: 4) ?? String(value)
    }

    /// `value` rounded to `digits` (0–4) decimals as JSONEncoder prints the rounded Double: no trailing zeros, no
    /// ".0". nil outside the range where that holds (more digits, not finite, or beyond a billion).
    static func fixed(_ value: Double, digits: Int) -> String? {
        guard (0...4).contains(digits), value.isFinite, abs(value) < 1e9 else { return nil }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let whole = scaled / scale
        let fraction = abs(scaled % scale)
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        guard fraction != 0 else { return "\(sign)\(whole)" }
        var text = String(fraction)
        text = String(repeating: "0", count: digits - text.count) + text
        while text.hasSuffix("0") { text.removeLast() }
        return "\(sign)\(whole).\(text)"
    }
}
