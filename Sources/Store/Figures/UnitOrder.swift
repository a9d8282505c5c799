/// How a figure orders the dashboard's unit table. Each unit's key is worked out once per sort (a folded name is
/// not folded again at every comparison) and the units are sorted by index, not moved around; ties always fall back
/// to the code, so a page boundary never moves between two loads of the same data.
package struct UnitOrder: Sendable {
    package enum Direction: String, Sendable {
        case ascending, descending
    }

    package let direction: Direction
    private let sortedIndices: @Sendable ([CommuneSummary]) -> [Int]

    private init<Key: Comparable & Sendable>(_ direction: Direction, key: @escaping @Sendable (CommuneSummary) -> Key) {
        self.direction = direction
        sortedIndices = { units in
            let keys = units.map(key)
            return switch direction {
            case .ascending:
                units.indices.sorted { (keys[$0], units[$0].code) < (keys[$1], units[$1].code) }
            case .descending:
                units.indices.sorted { (keys[$0], units[$1].code) > (keys[$1], units[$0].code) }
            }
        }
    }

    /// Smallest key first, then by code.
    package static func ascending<Key: Comparable & Sendable>(_ key: @escaping @Sendable (CommuneSummary) -> Key)
        -> UnitOrder
    {
        UnitOrder(.ascending, key: key)
    }

    /// Largest key first, then by code (ascending).
    package static func descending<Key: Comparable & Sendable>(
        _ key: @escaping @Sendable (CommuneSummary) -> Key
    ) -> UnitOrder {
        UnitOrder(.descending, key: key)
    }

    /// As people read names: diacritics and case folded ("Ngô" sorts with "ngo"), then as written, then by code.
    package static func alphabetical(_ text: @escaping @Sendable (CommuneSummary) -> String) -> UnitOrder {
        UnitOrder(.ascending) { FoldedText(text($0)) }
    }

    package func sorted(_ units: [CommuneSummary]) -> [CommuneSummary] {
        sortedIndices(units).map { units[$0] }
    }

    /// A text compared by its folded form first, then as written.
    private struct FoldedText: Comparable {
        package let folded: String
        package let text: String

        package init(_ text: String) {
            folded = SearchText.fold(text)
            self.text = text
        }

        package static func < (lhs: FoldedText, rhs: FoldedText) -> Bool {
            (lhs.folded, lhs.text) < (rhs.folded, rhs.text)
        }
    }
}
