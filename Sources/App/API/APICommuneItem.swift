import Store

/// One unit of `GET /api/v1/campaigns/{id}/communes`: the figures shown on `.api` (`UnitFigure.all`), each under
/// its `jsonKey`. Absent values are written as `null`, never left out, so every object has the same keys. This
/// `Encodable` is the reference the byte writer (`APICommuneList.json`) must match, and its fallback.
struct APICommuneItem: Encodable, Sendable {
    let unit: CommuneSummary

    init(_ unit: CommuneSummary) {
        self.unit = unit
    }

    /// Listed by code (`ScopedCampaign.communes`).
    var listPosition: APIListPosition { APIListPosition(.ascendingText(unit.code)) }

    /// The API's figures, by key in the order JSON's sorted keys put them; sorted once.
    static let figures: [(key: String, figure: UnitFigure)] = UnitFigure.all
        .filter { $0.outputs.contains(.api) }
        .map { (key: $0.jsonKey ?? $0.id, figure: $0) }
        .sorted { $0.key < $1.key }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            nil
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, figure) in Self.figures {
            try Self.encode(figure.jsonValue(for: unit), forKey: Key(stringValue: name), in: &container)
        }
    }

    /// How a value is written: text and dates as strings (dates in ISO form), shares rounded to 4 decimals
    /// (`APIJSON.share`), decimals to their digits, an empty cell as `null`.
    static func encode(_ cell: ExportCell, forKey key: Key, in container: inout KeyedEncodingContainer<Key>) throws {
        switch cell {
        case .text(let text): try container.encode(text, forKey: key)
        case .integer(let number): try container.encode(number, forKey: key)
        case .decimal(let number, let digits): try container.encode(rounded(number, digits: digits), forKey: key)
        case .percentage(let share): try container.encode(APIJSON.share(share), forKey: key)
        case .date(let date): try container.encode(date.iso, forKey: key)
        case .empty: try container.encodeNil(forKey: key)
        }
    }

    static func rounded(_ value: Double, digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<min(max(0, digits), 9) { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
