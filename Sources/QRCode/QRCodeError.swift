/// Why a QR code could not be made or rendered. Each case says what to change.
public enum QRCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// There is nothing to encode.
    case emptyText
    /// The UTF-8 text does not fit in the largest symbol at this correction level.
    case textTooLong(byteCount: Int, maximum: Int, correction: QRCorrectionLevel)
    /// libqrencode returned no symbol; `errno` and its text say why.
    case encoderFailed(errno: Int32, reason: String)
    /// A PNG scale below one pixel per module.
    case invalidScale(Int)
    /// A negative quiet zone.
    case invalidQuietZone(Int)
    /// The requested PNG would be wider than the limit that protects the server's memory.
    case imageTooLarge(side: Int, maximum: Int)
    /// libpng could not write the image.
    case pngEncodingFailed(reason: String)

    public var description: String {
        switch self {
        case .emptyText:
            return "Cannot make a QR code from empty text: pass the URL or text to encode."
        case .textTooLong(let byteCount, let maximum, let correction):
            return "The text is \(byteCount) bytes in UTF-8, but a QR code at error correction "
                + "\(correction.letter) holds at most \(maximum) bytes: shorten the text (for example use a "
                + "short link) or choose a lower correction level."
        case .encoderFailed(let code, let reason):
            return "libqrencode could not encode the text (errno \(code): \(reason)). "
                + "If this is an out-of-memory error, retry later; otherwise report it with the input length."
        case .invalidScale(let scale):
            return "PNG scale \(scale) is not allowed: use at least 1 pixel per module."
        case .invalidQuietZone(let quietZone):
            return "Quiet zone \(quietZone) is not allowed: use 0 or more modules (4 is the standard)."
        case .imageTooLarge(let side, let maximum):
            return "The PNG would be \(side) × \(side) pixels, above the limit of \(maximum): "
                + "use a smaller scale or quiet zone, or the SVG rendering, which scales freely."
        case .pngEncodingFailed(let reason):
            return "libpng could not write the QR code image: \(reason)."
        }
    }
}
