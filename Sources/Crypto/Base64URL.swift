/// Base64url without padding (RFC 4648 §5): safe in URLs, cookies and form fields.
public enum Base64URL {
    @usableFromInline static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    @usableFromInline static let reverse: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, symbol) in alphabet.enumerated() { table[Int(symbol)] = UInt8(index) }
        return table
    }()

    @inlinable public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        append(bytes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the encoding of `bytes` to `output`: a token's two halves go into one buffer, then one string.
    @inlinable public static func append(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + (bytes.count * 4 + 2) / 3)
        var chunk: UInt32 = 0
        var filled = 0
        for byte in bytes {
            chunk = chunk << 8 | UInt32(byte)
            filled += 1
            if filled == 3 {
                output.append(alphabet[Int(chunk >> 18 & 0x3F)])
                output.append(alphabet[Int(chunk >> 12 & 0x3F)])
                output.append(alphabet[Int(chunk >> 6 & 0x3F)])
                output.append(alphabet[Int(chunk & 0x3F)])
                (chunk, filled) = (0, 0)
            }
        }
        if filled == 1 {
            chunk <<= 16
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
        } else if filled == 2 {
            chunk <<= 8
            output.append(alphabet[Int(chunk >> 18 & 0x3F)])
            output.append(alphabet[Int(chunk >> 12 & 0x3F)])
            output.append(alphabet[Int(chunk >> 6 & 0x3F)])
        }
    }

    /// nil for a character outside the alphabet or an impossible length.
    public static func decode(_ text: String) -> [UInt8]? {
        decode(text.utf8)
    }

    /// Decodes text given as its UTF-8 bytes (a slice of a token, say), without copying them first. Inlinable, as
    /// is `append`: specialised where they are called, a byte loop costs nothing per byte.
    @inlinable public static func decode(_ input: some Collection<UInt8>) -> [UInt8]? {
        guard input.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for symbol in input {
            let value = reverse[Int(symbol)]
            guard value != 0xFF else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // Leftover bits must be zero, so each byte string has exactly one encoding.
        guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return output
    }
}
