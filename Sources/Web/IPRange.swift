/// A CIDR range ("10.0.0.0/8", "2001:db8::/32", or one address without a length). An IPv4 range is held in
/// the IPv4-mapped space (its length plus 96), so it matches an IPv4 peer however the socket spelled it, and
/// "0.0.0.0/0" means every IPv4 address but no IPv6 one; "::/0" means every address.
public struct IPRange: Sendable, Hashable, CustomStringConvertible {
    public let address: IPAddress
    /// Leading bits that must match, 0...128, in the 16-byte form.
    public let prefixLength: Int

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        let maximum = address.isIPv4 && !parts[0].contains(":") ? 32 : 128
        var length = maximum
        if parts.count == 2 {
            guard (1...3).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(parts[1]), value <= maximum
            else { return nil }
            length = value
        }
        self.prefixLength = length + (maximum == 32 ? 96 : 0)
        self.address = IPAddress(bytes: Self.masked(address.bytes, length: self.prefixLength)) ?? address
    }

    public func contains(_ candidate: IPAddress) -> Bool {
        Self.masked(candidate.bytes, length: prefixLength) == address.bytes
    }

    public var description: String {
        address.isIPv4 && prefixLength >= 96 ? "\(address)/\(prefixLength - 96)" : "\(address)/\(prefixLength)"
    }

    private static func masked(_ bytes: [UInt8], length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let keep = min(8, max(0, length - index * 8))
            return keep == 8 ? byte : byte & ~(UInt8(0xff) >> keep)
        }
    }

    /// Ranges from a setting such as QCDC_TRUSTED_PROXIES: separated by commas or spaces. Returns the entries
    /// that are not ranges as the error, so the server refuses to start on a typo instead of trusting less.
    public static func list(_ text: String) -> Result<[IPRange], InvalidRanges> {
        var ranges: [IPRange] = []
        var invalid: [String] = []
        for item in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\n" }) {
            if let range = IPRange(item) { ranges.append(range) } else { invalid.append(String(item)) }
        }
        return invalid.isEmpty ? .success(ranges) : .failure(InvalidRanges(entries: invalid))
    }

    public struct InvalidRanges: Error, Sendable, CustomStringConvertible {
        public let entries: [String]
        public var description: String {
            "không phải dải địa chỉ CIDR hợp lệ: " + entries.joined(separator: ", ")
        }
    }
}
