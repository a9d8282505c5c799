/// The SHA-256 of a stored file as 64 lowercase hex digits: the file's only name in the store. Built from
/// text only after validation, so a value from a URL or a database row can never become a path like "../x".
public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public let hex: String

    /// nil unless `text` is exactly 64 hex digits (upper case is accepted and lowered).
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 64 else { return nil }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(64)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): lowered.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): lowered.append(byte + 0x20)
            default: return nil
            }
        }
        hex = String(decoding: lowered, as: UTF8.self)
    }

    public var description: String { hex }

    /// The store's fan-out folder (the first two digits) and file name (all 64).
    var relativePath: String { "\(hex.prefix(2))/\(hex)" }
}
