import Synchronization

/// The printed QR sheets (`/qr/sheet`, thousands of codes, no login), rendered once per unit set and district.
/// A unit set is never rewritten (a reform imports a new one), so a sheet is exact for as long as its set is in
/// force; the first request under a new set drops the sheets of every other set.
final class QRSheetCache: Sendable {
    struct Key: Hashable, Sendable {
        let unitSetID: Int64
        /// Nil for the whole province.
        let district: String?
    }

    private let sheets = Mutex<[Key: [UInt8]]>([:])
    private let renderCount = Atomic<Int>(0)

    /// Sheets rendered since start (the tests check that a second request renders nothing).
    var renders: Int { renderCount.load(ordering: .relaxed) }

    func sheet(_ key: Key) -> [UInt8]? {
        sheets.withLock { $0[key] }
    }

    func store(_ body: [UInt8], for key: Key) {
        renderCount.add(1, ordering: .relaxed)
        sheets.withLock { sheets in
            sheets = sheets.filter { $0.key.unitSetID == key.unitSetID }
            sheets[key] = body
        }
    }
}
