/// Fixed-point numbers as text without Foundation or a locale: the decimal mark is chosen by the caller,
/// because Vietnamese spreadsheets read "85,3" where others read "85.3".
package enum DecimalText {
    package static func format(_ value: Double, digits: Int, mark: Character = ".") -> String {
        guard value.isFinite else { return "" }
        let digits = min(max(0, digits), 9)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let whole = units / divisor
        let fraction = units % divisor
        let sign = value < 0 && units != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let fractionText = String(fraction)
        return "\(sign)\(whole)\(mark)\(String(repeating: "0", count: digits - fractionText.count))\(fractionText)"
    }
}
