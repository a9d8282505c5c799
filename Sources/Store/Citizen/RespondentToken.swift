import Crypto

/// The value of the "already answered" cookie: 32 bytes in base64url, the first 6 the minting time
/// (`TimeOrderedID`), the rest random. The database keeps only `mark`, so a copy of it cannot be turned back
/// into cookies.
package struct RespondentToken: Hashable {
    package let value: String
    private let bytes: [UInt8]

    package static let byteCount = 32

    /// A cookie value as the browser sent it; nil unless it is 32 bytes of base64url.
    package init?(cookie: String) {
        guard let bytes = Base64URL.decode(cookie), bytes.count == Self.byteCount else { return nil }
        self.value = cookie
        self.bytes = bytes
    }

    package static func mint(milliseconds: Int64) -> RespondentToken {
        let bytes = TimeOrderedID.bytes(count: byteCount, milliseconds: milliseconds)
        return RespondentToken(value: Base64URL.encode(bytes), bytes: bytes)
    }

    private init(value: String, bytes: [UInt8]) {
        self.value = value
        self.bytes = bytes
    }

    /// The stored key: the time bytes in hex (so marks minted together sort together) and the token's SHA-256.
    /// Marks stored before tokens carried a time were the bare SHA-256; lookups check that form too.
    package func mark(isNew: Bool) -> RespondentMark {
        let hash = SHA256.hex(Array(value.utf8))
        return RespondentMark(
            key: Hex.encode(bytes.prefix(TimeOrderedID.timeByteCount)) + hash,
            earlierKeys: [hash], isNew: isNew)
    }
}
