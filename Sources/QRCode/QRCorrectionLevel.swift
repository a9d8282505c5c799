import CQRencode

/// How much of a symbol may be damaged and still read: more correction means a larger symbol.
public enum QRCorrectionLevel: Sendable, Hashable, CaseIterable {
    /// About 7 % of the codewords can be restored.
    case low
    /// About 15 %: the usual choice for printed posters.
    case medium
    /// About 25 %.
    case quartile
    /// About 30 %, for codes that may be partly covered or soiled.
    case high

    /// The most bytes a version-40 symbol holds in 8-bit byte mode (ISO/IEC 18004, table 7).
    public var maximumByteCount: Int {
        switch self {
        case .low: 2953
        case .medium: 2331
        case .quartile: 1663
        case .high: 1273
        }
    }

    /// The single letter used in the standard and in error messages.
    public var letter: String {
        switch self {
        case .low: "L"
        case .medium: "M"
        case .quartile: "Q"
        case .high: "H"
        }
    }

    var libqrencodeLevel: QRecLevel {
        switch self {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
    }
}
