/// A binary min-heap of connection deadlines with lazy invalidation: re-arming a connection pushes a new
/// entry with a new token instead of searching for the old one, and stale entries are dropped when they
/// reach the top (or in a rebuild once they outnumber the live ones). Every operation is O(log n).
struct DeadlineHeap {
    struct Entry {
        let deadline: Int64
        let fd: Int32
        let token: UInt64
    }

    private(set) var entries: [Entry] = []

    var count: Int { entries.count }
    var top: Entry? { entries.first }

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        siftUp(from: entries.count - 1)
    }

    @discardableResult
    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        let first = entries[0]
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(from: 0)
        }
        return first
    }

    /// Keeps only the entries `isLive` accepts and restores the heap order in O(n).
    mutating func rebuild(keeping isLive: (Entry) -> Bool) {
        entries.removeAll { !isLive($0) }
        var index = entries.count / 2
        while index > 0 {
            index -= 1
            siftDown(from: index)
        }
    }

    private mutating func siftUp(from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].deadline < entries[parent].deadline else { return }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < entries.count else { return }
            let right = left + 1
            var smallest = left
            if right < entries.count && entries[right].deadline < entries[left].deadline { smallest = right }
            guard entries[smallest].deadline < entries[parent].deadline else { return }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
