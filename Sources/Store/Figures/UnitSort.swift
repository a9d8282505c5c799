/// A `?sort=` value of the dashboard's unit table: the id of a figure that declares an `order`. Only such ids
/// parse, so the sort links, the query string and `UnitTablePage.sorted` all come from `UnitFigure.all`.
package struct UnitSort: Sendable, Hashable, RawRepresentable {
    package let rawValue: String

    package init?(rawValue: String) {
        guard UnitFigure.named(rawValue)?.order != nil else { return nil }
        self.rawValue = rawValue
    }

    /// The defaults, checked by a test to name figures that sort.
    package static let code = UnitSort(unchecked: UnitFigure.code.id)
    /// Attention first: over quota, short, not reported, met.
    package static let status = UnitSort(unchecked: UnitFigure.quotaStatus.id)

    private init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// Every sort, in column order.
    package static var all: [UnitSort] {
        UnitFigure.all.compactMap { $0.order == nil ? nil : UnitSort(unchecked: $0.id) }
    }

    package var figure: UnitFigure? { UnitFigure.named(rawValue) }

    /// The figure's order; code order should the figure have lost its order since this value was made.
    package var order: UnitOrder { figure?.order ?? .ascending { $0.code } }
}
