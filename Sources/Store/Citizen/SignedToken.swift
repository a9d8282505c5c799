import Crypto

/// `payload.signature`, both base64url: a small value the server hands out and later trusts only if the HMAC
/// (keyed with the server secret) matches. The payload fields are '|'-separated text.
package struct SignedToken {
    package let key: [UInt8]

    package init(key: [UInt8]) {
        self.key = key
    }

    package func sign(_ fields: [String]) -> String {
        let payload = Array(fields.joined(separator: "|").utf8)
        return Base64URL.encode(payload) + "." + Base64URL.encode(HMAC.sign(payload, key: key))
    }

    /// The fields, or nil for anything malformed or not signed by us.
    package func verify(_ token: String, fieldCount: Int) -> [String]? {
        guard token.utf8.count <= 512 else { return nil }
        // Byte-wise splits: this runs on every submitted answer, and Character-wise ones cost more than the HMAC.
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(String(Substring(parts[0]))),
            let signature = Base64URL.decode(String(Substring(parts[1]))),
            HMAC.verify(signature, message: payload, key: key),
            String(validating: payload, as: UTF8.self) != nil
        else { return nil }
        let fields = payload.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        return fields.count == fieldCount ? fields : nil
    }
}
