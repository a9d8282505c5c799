/// An IPv4 or IPv6 address, parsed in Swift (no resolver, no locale): the client address behind a proxy and
/// the trusted ranges are compared as bytes, never as text, so "::ffff:192.0.2.1", "192.0.2.1" and
/// "0:0:0:0:0:ffff:c000:201" are one address.
///
/// Stored as 16 bytes: an IPv4 address as its IPv4-mapped IPv6 form (RFC 4291 §2.5.5.2), which is also how a
/// dual-stack socket reports an IPv4 peer.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    private static let mappedPrefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]

    public init?(bytes: [UInt8]) {
        switch bytes.count {
        case 4: self.bytes = Self.mappedPrefix + bytes
        case 16: self.bytes = bytes
        default: return nil
        }
    }

    /// Dotted IPv4 ("192.0.2.1") or IPv6 text ("2001:db8::1", "::ffff:192.0.2.1"). No brackets, ports or
    /// zones; IPv4 parts with leading zeros are refused (some parsers read them as octal).
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count <= 45 else { return nil }
        if utf8.contains(UInt8(ascii: ":")) {
            guard let bytes = Self.parseIPv6(utf8) else { return nil }
            self.bytes = bytes
        } else {
            guard let bytes = Self.parseIPv4(utf8[...]) else { return nil }
            self.bytes = bytes
        }
    }

    public var isIPv4: Bool { bytes.starts(with: Self.mappedPrefix) }

    /// The network one household or one phone uses: an IPv4 address itself (/32), the /64 of an IPv6 address
    /// (RFC 4941 privacy addresses change the last 64 bits daily or faster). A leading version byte keeps the
    /// two kinds apart.
    public var network: [UInt8] {
        var network: [UInt8] = []
        network.reserveCapacity(9)
        if isIPv4 {
            network.append(4)
            network.append(contentsOf: bytes[12...])
        } else {
            network.append(6)
            network.append(contentsOf: bytes[..<8])
        }
        return network
    }

    /// IPv4 dotted; IPv6 in the RFC 5952 form (lowercase, the longest run of zero groups as "::").
    public var description: String {
        if isIPv4 { return bytes[12...].map(String.init).joined(separator: ".") }
        let groups = (0..<8).map { Int(bytes[2 * $0]) << 8 | Int(bytes[2 * $0 + 1]) }
        var best = (start: -1, length: 0)
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            var end = index
            while end < 8, groups[end] == 0 { end += 1 }
            if end - index > best.length, end - index >= 2 { best = (index, end - index) }
            index = end
        }
        func hex(_ range: Range<Int>) -> String {
            range.map { String(groups[$0], radix: 16) }.joined(separator: ":")
        }
        guard best.start >= 0 else { return hex(0..<8) }
        return hex(0..<best.start) + "::" + hex((best.start + best.length)..<8)
    }

    /// Four decimal parts of one to three digits, no leading zeros, each at most 255. Read in one pass into
    /// `mappedPrefix` + the four bytes: the client address is parsed on every request.
    private static func parseIPv4(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var bytes = mappedPrefix
        bytes.reserveCapacity(16)
        var value = 0
        var digits = 0
        var leadingZero = false
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, bytes.count < 15 else { return nil }
                bytes.append(UInt8(value))
                (value, digits, leadingZero) = (0, 0, false)
                continue
            }
            guard (0x30...0x39).contains(byte), digits < 3, !leadingZero else { return nil }
            if digits == 0 { leadingZero = byte == 0x30 }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
            guard value <= 255 else { return nil }
        }
        guard digits > 0, bytes.count == 15 else { return nil }
        bytes.append(UInt8(value))
        return bytes
    }

    private static func parseIPv6(_ text: [UInt8]) -> [UInt8]? {
        let colon = UInt8(ascii: ":")
        // "::" may appear once; split the text around it and fill the gap with zeros.
        var halves: [ArraySlice<UInt8>] = []
        var index = 0
        var start = 0
        while index < text.count {
            if text[index] == colon, index + 1 < text.count, text[index + 1] == colon {
                guard halves.isEmpty else { return nil }
                halves.append(text[start..<index])
                index += 2
                start = index
                continue
            }
            index += 1
        }
        halves.append(text[start...])
        var parsed: [[UInt8]] = []
        for half in halves {
            guard let bytes = parseGroups(half, allowIPv4Tail: half.endIndex == text.endIndex) else { return nil }
            parsed.append(bytes)
        }
        if parsed.count == 1 {
            return parsed[0].count == 16 ? parsed[0] : nil
        }
        let filled = parsed[0].count + parsed[1].count
        guard filled <= 14 else { return nil }
        return parsed[0] + [UInt8](repeating: 0, count: 16 - filled) + parsed[1]
    }

    /// Colon-separated groups of 1–4 hex digits, the last of which may be dotted IPv4 at the very end.
    private static func parseGroups(_ text: ArraySlice<UInt8>, allowIPv4Tail: Bool) -> [UInt8]? {
        if text.isEmpty { return [] }
        let groups = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        var bytes: [UInt8] = []
        for (position, group) in groups.enumerated() {
            if position == groups.count - 1, allowIPv4Tail, group.contains(UInt8(ascii: ".")) {
                guard let tail = parseIPv4(group) else { return nil }
                bytes += tail[12...]
                continue
            }
            guard (1...4).contains(group.count) else { return nil }
            var value = 0
            for byte in group {
                guard let digit = hexValue(byte) else { return nil }
                value = value << 4 | digit
            }
            bytes += [UInt8(value >> 8), UInt8(value & 0xff)]
        }
        return bytes.count <= 16 ? bytes : nil
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        default: nil
        }
    }
}
