/// Numbers as every screen, print page and semicolon CSV shows them, Vietnamese style: "3.321" for a count,
/// "4,25" for a decimal, "87,5%" for a share. One place, so a page cannot drift into "87.5" beside "87,5".
package enum Format {
    /// A share in [0, 1] as a percentage with one decimal ("87,5%"); "–" when there is nothing to divide.
    package static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "–" }
        return DecimalText.format(share * 100, digits: 1, mark: ",") + "%"
    }

    /// A count with a dot between thousands ("12.345"), as Vietnamese readers group digits.
    package static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A decimal with a comma ("4,25"); "–" when missing.
    package static func decimal(_ value: Double?, digits: Int) -> String {
        guard let value, value.isFinite else { return "–" }
        return DecimalText.format(value, digits: digits, mark: ",")
    }
}
