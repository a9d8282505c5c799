import Crypto

/// The `cursor` of a paged API list: base64url without padding of a version byte, the position of the previous
/// page's last item (`APIListPosition.bytes`) and the first 16 bytes of an HMAC-SHA-256, keyed with the server
/// secret, over the list it belongs to and that position. Opaque to clients; the MAC makes a cursor the server
/// did not make, or made for another list (another path, campaign, `unit` or `district`), refusable rather than
/// silently read as a position in this one. The secret lasts across restarts (the key file), so do cursors.
enum APIListCursor {
    static let version: UInt8 = 1
    static let macBytes = 16
    /// Longer than any cursor the server makes (8 components of 255 bytes); checked before decoding.
    static let maximumCharacters = 3_000

    static func encode(_ position: APIListPosition, list: String, key: [UInt8]) -> String? {
        guard let payload = position.bytes else { return nil }
        return Base64URL.encode([version] + payload + mac(payload, list: list, key: key))
    }

    /// The position, or nil for anything malformed, tampered with or made for another list.
    static func decode(_ text: String, list: String, key: [UInt8]) -> APIListPosition? {
        guard !text.isEmpty, text.utf8.count <= maximumCharacters, let bytes = Base64URL.decode(text),
            bytes.count > 1 + macBytes, bytes[0] == version
        else { return nil }
        let payload = Array(bytes[1..<(bytes.count - macBytes)])
        guard ConstantTime.equal(Array(bytes.suffix(macBytes)), mac(payload, list: list, key: key)) else {
            return nil
        }
        return APIListPosition(bytes: payload[...])
    }

    /// Each part length-prefixed, so no two (list, position) pairs sign the same bytes.
    private static func mac(_ payload: [UInt8], list: String, key: [UInt8]) -> [UInt8] {
        var message: [UInt8] = []
        for part in [Array("qcdc api list cursor".utf8), Array(list.utf8), payload] {
            withUnsafeBytes(of: UInt32(part.count).bigEndian) { message += $0 }
            message += part
        }
        return Array(HMAC.sign(message, key: key).prefix(macBytes))
    }
}
