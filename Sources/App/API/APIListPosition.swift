/// Where an item stands in its list's order: the list's stable sort key, component by component (a unit's code; a
/// campaign's start day, newest first, then its id). A page's cursor carries the position of its last item, and the
/// next page starts at the first item after it, so a page boundary survives an item added or removed before it,
/// where an offset would repeat or skip one. A list's items must have distinct positions in increasing order.
struct APIListPosition: Sendable, Hashable {
    enum Component: Sendable, Hashable {
        case ascending(Int64)
        case descending(Int64)
        /// Compared by UTF-8 bytes, as SQLite's BINARY collation and Swift's order of ASCII codes do.
        case ascendingText(String)
        case descendingText(String)
    }

    let components: [Component]

    init(_ components: Component...) {
        self.components = components
    }

    init(components: [Component]) {
        self.components = components
    }

    /// Whether `self` comes before `other` in the list's order; nil when the two are not of the same shape (a
    /// position of another kind of list), which no order can compare.
    func precedes(_ other: APIListPosition) -> Bool? {
        guard components.count == other.components.count else { return nil }
        for (mine, theirs) in zip(components, other.components) {
            switch (mine, theirs) {
            case (.ascending(let a), .ascending(let b)) where a != b: return a < b
            case (.descending(let a), .descending(let b)) where a != b: return a > b
            case (.ascendingText(let a), .ascendingText(let b)) where a != b:
                return a.utf8.lexicographicallyPrecedes(b.utf8)
            case (.descendingText(let a), .descendingText(let b)) where a != b:
                return b.utf8.lexicographicallyPrecedes(a.utf8)
            case (.ascending, .ascending), (.descending, .descending), (.ascendingText, .ascendingText),
                (.descendingText, .descendingText):
                continue
            default:
                return nil
            }
        }
        return false
    }
}

// MARK: - Bytes

extension APIListPosition {
    /// At most this many components and this many bytes of text each: a cursor stays a short URL parameter.
    static let maximumComponents = 8
    static let maximumTextBytes = 255

    /// One byte for the count, then per component a tag byte and an 8-byte big-endian integer or a length byte and
    /// the UTF-8 text. nil for a position too large to carry (a text beyond `maximumTextBytes`).
    var bytes: [UInt8]? {
        guard components.count <= Self.maximumComponents else { return nil }
        var out: [UInt8] = [UInt8(components.count)]
        for component in components {
            switch component {
            case .ascending(let value), .descending(let value):
                out.append(component.tag)
                withUnsafeBytes(of: UInt64(bitPattern: value).bigEndian) { out += $0 }
            case .ascendingText(let text), .descendingText(let text):
                guard text.utf8.count <= Self.maximumTextBytes else { return nil }
                out.append(component.tag)
                out.append(UInt8(text.utf8.count))
                out += text.utf8
            }
        }
        return out
    }

    /// The position `bytes` wrote; nil for anything else (a short read, an unknown tag, bytes left over).
    init?(bytes: ArraySlice<UInt8>) {
        var rest = bytes
        guard let count = rest.popFirst(), count <= Self.maximumComponents else { return nil }
        var components: [Component] = []
        for _ in 0..<count {
            guard let tag = rest.popFirst() else { return nil }
            switch tag {
            case 1, 2:
                guard rest.count >= 8 else { return nil }
                let value = Int64(bitPattern: rest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
                rest = rest.dropFirst(8)
                components.append(tag == 1 ? .ascending(value) : .descending(value))
            case 3, 4:
                guard let length = rest.popFirst(), rest.count >= Int(length),
                    let text = String(validating: rest.prefix(Int(length)), as: UTF8.self)
                else { return nil }
                rest = rest.dropFirst(Int(length))
                components.append(tag == 3 ? .ascendingText(text) : .descendingText(text))
            default:
                return nil
            }
        }
        guard rest.isEmpty else { return nil }
        self.components = components
    }
}

extension APIListPosition.Component {
    fileprivate var tag: UInt8 {
        switch self {
        case .ascending: 1
        case .descending: 2
        case .ascendingText: 3
        case .descendingText: 4
        }
    }
}
