/// A QR code symbol: a square of dark and light modules, without the quiet zone around it.
public struct QRMatrix: Sendable, Hashable {
    /// The QR version, 1 to 40; the side grows by 4 modules per version.
    public let version: Int
    /// Modules per side (21 for version 1, 177 for version 40).
    public let size: Int
    /// Row-major, `size * size` entries, `true` for dark.
    let modules: [Bool]

    /// Whether the module at column `x`, row `y` is dark. Coordinates outside the symbol are light,
    /// as the quiet zone around it is, so renderers may ask about any point.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }
}
