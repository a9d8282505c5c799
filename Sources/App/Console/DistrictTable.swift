import HTML
import Store

/// The province dashboard's roll-up per district ("Theo huyện"): its columns declared once (heading, cell, sort
/// key, first direction), sorted on the server by `?dsort=<column>&ddir=asc|desc`, so the headers are plain links
/// that work without JavaScript. Pure: the order is tested without HTML.
enum DistrictTable {
    /// A value a column sorts by: a folded name, or a number (a missing share sorts as -1, below every share).
    enum Key: Comparable {
        case text(String, String)
        case number(Double)
    }

    struct Column: Sendable {
        let id: String
        let heading: String
        /// The direction of a first click on the header: names A→Z, numbers largest first.
        let firstDirection: UnitOrder.Direction
        let key: @Sendable (DistrictSummary) -> Key
        /// The cell's content; the name column's link is the view's (it carries the unit table's filters).
        let cell: @Sendable (DistrictSummary) -> HTML
    }

    /// A column and a direction, as the query string carries them.
    struct Sort: Sendable, Hashable {
        let column: String
        let direction: UnitOrder.Direction

        /// nil for an unknown column: the table keeps its code order. A missing or unknown direction is the
        /// column's first direction.
        init?(column: String, direction: String?) {
            guard let known = DistrictTable.column(column) else { return nil }
            self.column = known.id
            self.direction =
                switch direction {
                case "asc": .ascending
                case "desc": .descending
                default: known.firstDirection
                }
        }

        init(column: Column, direction: UnitOrder.Direction) {
            self.column = column.id
            self.direction = direction
        }

        var parameter: String { direction == .ascending ? "asc" : "desc" }
    }

    /// A count column: sorted largest first on the first click, printed "1.234".
    static func number(
        _ id: String, _ heading: String, _ value: @escaping @Sendable (DistrictSummary) -> Int
    ) -> Column {
        Column(
            id: id, heading: heading, firstDirection: .descending, key: { .number(Double(value($0))) },
            cell: { "\(Format.count(value($0)))" })
    }

    static let columns: [Column] = [
        Column(
            id: "name", heading: "Huyện", firstDirection: .ascending,
            key: { .text(SearchText.fold($0.name), $0.name) }, cell: { "\($0.name)" }),
        number("communes", "Số xã") { $0.communes },
        number("reported", "Báo cáo hôm nay") { $0.reportedToday },
        number("answers", "Phiếu") { $0.answers },
        number("visitors", "Khách") { $0.visitors },
        number("short", "Thiếu") { $0.statusCounts[.short] ?? 0 },
        number("met", "Đạt") { $0.statusCounts[.met] ?? 0 },
        number("over", "Vượt") { $0.statusCounts[.over] ?? 0 },
        Column(
            id: "satisfaction", heading: "Hài lòng", firstDirection: .descending,
            key: { .number($0.satisfiedShare ?? -1) }, cell: { "\(Format.percent($0.satisfiedShare))" }),
        Column(
            id: "threshold", heading: "Xã đạt ngưỡng", firstDirection: .descending,
            key: { .number($0.shareMeetingThreshold ?? -1) },
            cell: {
                "\(Format.percent($0.shareMeetingThreshold)) <span class=\"note\">(\(Format.count($0.communesMeetingThreshold))/\(Format.count($0.communes)))</span>"
            }),
    ]

    static func column(_ id: String) -> Column? {
        columns.first { $0.id == id }
    }

    /// By the sort's column and direction; ties, and the table without a sort, in code order (ascending both ways,
    /// so two loads of the same data never swap rows).
    static func sorted(_ districts: [DistrictSummary], by sort: Sort?) -> [DistrictSummary] {
        guard let sort, let column = column(sort.column) else { return districts.sorted { $0.code < $1.code } }
        let keys = districts.map(column.key)
        return districts.indices.sorted { lhs, rhs in
            if keys[lhs] != keys[rhs] {
                return sort.direction == .ascending ? keys[lhs] < keys[rhs] : keys[lhs] > keys[rhs]
            }
            return districts[lhs].code < districts[rhs].code
        }
        .map { districts[$0] }
    }
}
