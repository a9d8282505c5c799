import Survey

/// The line above a report's signatures, as Decree 30/2020/NĐ-CP on administrative documents writes it:
/// "Bắc Giang, ngày 02 tháng 12 năm 2026". The place is the unit's proper name without its kind ("Tỉnh", "Huyện",
/// "Thành phố", …), except a name that is a number ("Quận 1"); a day under 10 and the months 1 and 2 take a
/// leading zero, other months do not ("ngày 05 tháng 3"): a "1" could otherwise be made an 11 or a 12.
package enum PlaceDateLine {
    /// Kinds of administrative unit, longest first so "Thành phố" is not read as something shorter.
    package static let kinds = [
        "Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã",
    ]

    package static func text(place unitName: String, date: LocalDate) -> String {
        "\(place(unitName)), \(vietnamese(date))"
    }

    package static func place(_ unitName: String) -> String {
        let name = SearchText.clean(unitName)
        for kind in kinds where name.hasPrefix(kind + " ") {
            let rest = String(name.dropFirst(kind.count + 1))
            guard let first = rest.first, !first.isNumber else { return name }
            return rest
        }
        return name
    }

    /// "ngày 02 tháng 12 năm 2026".
    package static func vietnamese(_ date: LocalDate) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
        return "ngày \(day) tháng \(month) năm \(date.year)"
    }
}
