import HTTP

/// Who the client is when the server sits behind a reverse proxy. Only a peer inside a trusted range may speak
/// for someone else: from it the client is read from `Forwarded` (RFC 7239) or else `X-Forwarded-For`, walking
/// the hops right to left (each proxy appends the address it saw), skipping trusted proxies; the first untrusted
/// hop is the client (anything left of it was written by that client and proves nothing). When every hop is
/// trusted, the leftmost is the client. From any other peer both headers are ignored, so a forged header
/// changes nothing.
///
/// A malformed header from a trusted peer gives the peer itself: better to count a few clients as the proxy
/// than to believe text a client could have shaped. A `Forwarded` hop of `unknown` or an obfuscated name
/// (`_hidden`) says its proxy would not tell; then `X-Forwarded-For` is asked, and failing that the peer.
public struct ClientAddressResolver: Sendable {
    public let trustedProxies: [IPRange]

    public init(trustedProxies: [IPRange]) {
        self.trustedProxies = trustedProxies
    }

    public func isTrusted(_ address: IPAddress) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }

    /// The client's address, or nil when even the peer's text is not an address (a Unix socket, a test).
    public func client(peer: String?, headers: HTTPHeaders) -> IPAddress? {
        guard let peerAddress = peer.flatMap({ IPAddress($0) }) else { return nil }
        guard isTrusted(peerAddress) else { return peerAddress }
        let forwarded = headers.values(named: "Forwarded")
        if !forwarded.isEmpty {
            switch ForwardedHeader.forValues(forwarded.joined(separator: ",")) {
            case .none:
                return peerAddress
            case .some(let hops):
                switch walk(hops) {
                case .client(let address): return address
                case .malformed: return peerAddress
                case .undisclosed: break
                }
            }
        }
        let forwardedFor = headers.values(named: "X-Forwarded-For")
        guard !forwardedFor.isEmpty else { return peerAddress }
        let hops = forwardedFor.joined(separator: ",").split(separator: ",", omittingEmptySubsequences: false)
            .map { hop -> ForwardedHeader.Hop in
                let text = hop.trimmingSpaces()
                return ForwardedHeader.node(text).map { .address($0) } ?? .malformed
            }
        switch walk(hops) {
        case .client(let address): return address
        case .malformed, .undisclosed: return peerAddress
        }
    }

    private enum Walk {
        case client(IPAddress)
        case malformed
        case undisclosed
    }

    private func walk(_ hops: [ForwardedHeader.Hop]) -> Walk {
        var leftmost: IPAddress?
        for hop in hops.reversed() {
            switch hop {
            case .malformed: return .malformed
            case .undisclosed: return .undisclosed
            case .address(let address):
                if !isTrusted(address) { return .client(address) }
                leftmost = address
            }
        }
        return leftmost.map { .client($0) } ?? .malformed
    }
}

/// The `for=` parameters of a `Forwarded` header (RFC 7239 §4), one per element, in order.
enum ForwardedHeader {
    enum Hop: Equatable {
        case address(IPAddress)
        /// `unknown`, an obfuscated identifier, or an element without `for=`.
        case undisclosed
        case malformed
    }

    /// nil when the header does not follow the grammar (`1#forwarded-element`, pairs of token "=" token or
    /// quoted-string, separated by ";").
    static func forValues(_ text: String) -> [Hop]? {
        var hops: [Hop] = []
        var scanner = Substring(text)
        var current: Hop = .undisclosed
        var sawPair = false
        while true {
            scanner = scanner.trimmingSpaces()
            // Empty list elements are allowed by the list syntax (RFC 9110 §5.6.1).
            if scanner.first == "," {
                if sawPair { hops.append(current) }
                current = .undisclosed
                sawPair = false
                scanner = scanner.dropFirst()
                continue
            }
            if scanner.isEmpty {
                if sawPair { hops.append(current) }
                return hops.isEmpty ? nil : hops
            }
            guard let equals = scanner.firstIndex(of: "=") else { return nil }
            let name = scanner[..<equals].lowercased()
            guard !name.isEmpty, name.allSatisfy(isTokenCharacter) else { return nil }
            scanner = scanner[scanner.index(after: equals)...]
            let value: Substring
            if scanner.first == "\"" {
                guard let (quoted, rest) = quotedString(scanner) else { return nil }
                value = quoted
                scanner = rest
            } else {
                let end = scanner.firstIndex { $0 == ";" || $0 == "," || $0 == " " || $0 == "\t" } ?? scanner.endIndex
                value = scanner[..<end]
                // Brackets and colons belong in a quoted value, but some proxies leave them bare; accepting
                // them changes no address, since the value must still parse as one.
                guard !value.isEmpty, value.allSatisfy({ isTokenCharacter($0) || "[]:".contains($0) }) else {
                    return nil
                }
                scanner = scanner[end...]
            }
            if name == "for" {
                let lowered = value.lowercased()
                if lowered == "unknown" || value.hasPrefix("_") {
                    current = .undisclosed
                } else if let address = node(value) {
                    current = .address(address)
                } else {
                    current = .malformed
                }
            }
            sawPair = true
            scanner = scanner.trimmingSpaces()
            if scanner.first == ";" { scanner = scanner.dropFirst() }
        }
    }

    /// A node as proxies write it: "192.0.2.1", "192.0.2.1:4711", "[2001:db8::1]", "[2001:db8::1]:4711", or a
    /// bare IPv6 address (X-Forwarded-For often has them unbracketed).
    static func node(_ text: Substring) -> IPAddress? {
        if text.first == "[" {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let rest = text[text.index(after: close)...]
            guard rest.isEmpty || isPort(rest) else { return nil }
            return IPAddress(text[text.index(after: text.startIndex)..<close])
        }
        if let address = IPAddress(text) { return address }
        // "192.0.2.1:4711": one colon only, or it would be an IPv6 address read wrongly.
        guard let colon = text.firstIndex(of: ":"), isPort(text[colon...]) else { return nil }
        return IPAddress(text[..<colon]).flatMap { $0.isIPv4 ? $0 : nil }
    }

    private static func isPort(_ text: Substring) -> Bool {
        guard text.first == ":" else { return false }
        let digits = text.dropFirst()
        return (1...5).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func quotedString(_ text: Substring) -> (Substring, Substring)? {
        var value = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { return (Substring(value), text[text.index(after: index)...]) }
            if character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
            }
            value.append(text[index])
            index = text.index(after: index)
        }
        return nil
    }

    private static func isTokenCharacter(_ character: Character) -> Bool {
        guard character.isASCII, let value = character.asciiValue, value > 32, value < 127 else { return false }
        return !"\"(),/:;<=>?@[\\]{}".contains(character)
    }
}
