import Crypto

/// `payload.signature`, both base64url: a small value the server hands out and later trusts only if the HMAC
/// (keyed with the server secret) matches. The payload fields are '|'-separated text.
package struct SignedToken {
    package let key: [UInt8]

    package init(key: [UInt8]) {
        self.key = key
    }

    package func sign(_ fields: [String]) -> String {
        var payload: [UInt8] = []
        payload.reserveCapacity(fields.reduce(fields.count) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            if index > 0 { payload.append(UInt8(ascii: "|")) }
            payload.append(contentsOf: field.utf8)
        }
        var token: [UInt8] = []
        token.reserveCapacity(payload.count * 4 / 3 + 48)
        Base64URL.append(payload, to: &token)
        token.append(UInt8(ascii: "."))
        Base64URL.append(HMAC.sign(payload, key: key), to: &token)
        return String(decoding: token, as: UTF8.self)
    }

    /// The fields, or nil for anything malformed or not signed by us.
    package func verify(_ token: String, fieldCount: Int) -> [String]? {
        // Byte-wise, on the token's own contiguous bytes: this runs on every submitted answer, and Character-wise
        // splits and copies cost more than the HMAC.
        var token = token
        return token.withUTF8 { verify(bytes: $0, fieldCount: fieldCount) }
    }

    private func verify(bytes: UnsafeBufferPointer<UInt8>, fieldCount: Int) -> [String]? {
        guard bytes.count <= 512, let dot = bytes.firstIndex(of: UInt8(ascii: ".")),
            !bytes[(dot + 1)...].contains(UInt8(ascii: ".")),
            let payload = Base64URL.decode(bytes[..<dot]),
            let signature = Base64URL.decode(bytes[(dot + 1)...]),
            HMAC.verify(signature, message: payload, key: key),
            String(validating: payload, as: UTF8.self) != nil
        else { return nil }
        let fields = payload.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        return fields.count == fieldCount ? fields : nil
    }
}
