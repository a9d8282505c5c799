/// Standard competition ranking ("1, 2, 2, 4"), highest value first: units with the same value share a rank and
/// the next rank skips as many places as were shared. Values equal to 1e-9 are the same value (an index is a
/// weighted mean of shares and can differ in its last bits for equal figures). Within a rank, order is by code.
public enum CompetitionRanking {
    public struct Place<Item>: Sendable where Item: Sendable {
        public let item: Item
        public let rank: Int
    }

    public static func rank<Item: Sendable>(
        _ items: [Item], code: (Item) -> String, value: (Item) -> Double
    ) -> [Place<Item>] {
        let keyed = items.map { (item: $0, code: code($0), key: Int64((value($0) * 1e9).rounded())) }
            .sorted { $0.key != $1.key ? $0.key > $1.key : $0.code < $1.code }
        var places: [Place<Item>] = []
        places.reserveCapacity(keyed.count)
        for (position, entry) in keyed.enumerated() {
            let rank =
                position > 0 && keyed[position - 1].key == entry.key ? places[position - 1].rank : position + 1
            places.append(Place(item: entry.item, rank: rank))
        }
        return places
    }
}
