import Crypto

/// First passwords and resets that are printed on a slip and typed by hand: lowercase letters and digits
/// without the look-alikes 0/o, 1/l/i, in three groups of four ("k7mq-x3pa-9tzr", about 59 bits).
public enum ReadablePassword {
    package static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    public static func generate() -> String {
        (0..<3).map { _ in
            String((0..<4).map { _ in alphabet[Int(SecureRandom.uniform(UInt32(alphabet.count)))] })
        }.joined(separator: "-")
    }
}
