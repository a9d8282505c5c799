import Glibc
import HTTP
import Testing

@testable import Web

// MARK: - Addresses

@Test func addressesParseToOneCanonicalForm() throws {
    #expect(IPAddress("192.0.2.1")?.description == "192.0.2.1")
    #expect(IPAddress("::ffff:192.0.2.1") == IPAddress("192.0.2.1"), "an IPv4-mapped peer is the IPv4 address")
    #expect(IPAddress("0:0:0:0:0:ffff:c000:201") == IPAddress("192.0.2.1"))
    #expect(IPAddress("::FFFF:192.0.2.1")?.isIPv4 == true)
    #expect(IPAddress("2001:DB8:0:0:0:0:0:1")?.description == "2001:db8::1")
    #expect(IPAddress("2001:db8:0:0:1:0:0:1")?.description == "2001:db8::1:0:0:1", "the first of two equal runs")
    #expect(IPAddress("2001:db8:0:1:1:1:1:1")?.description == "2001:db8:0:1:1:1:1:1", "one zero group stays")
    #expect(IPAddress("::")?.description == "::")
    #expect(IPAddress("::1")?.description == "::1")
    #expect(IPAddress("1::")?.description == "1::")
    #expect(IPAddress("1:2:3:4:5:6:7:8")?.description == "1:2:3:4:5:6:7:8")
    #expect(IPAddress("64:ff9b::192.0.2.33")?.description == "64:ff9b::c000:221")
    for bad in [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", " 1.2.3.4", "1.2.3.4 ", "1:2:3:4:5:6:7:8:9",
        "1::2::3", "12345::", ":1", "1:", "::g", "fe80::1%eth0", "[::1]", "1.2.3.4:80", "::1.2.3", "1:2:3:4:5:6:7::8:9",
        "unknown",
    ] {
        #expect(IPAddress(bad) == nil, "\(bad) is not an address")
    }
}

@Test func networksGroupIPv6By64AndKeepIPv4Whole() throws {
    let phone = try #require(IPAddress("2001:db8:1:2:a1b2:c3d4:e5f6:1"))
    let rotated = try #require(IPAddress("2001:db8:1:2:ffff:0:0:9"))
    let neighbour = try #require(IPAddress("2001:db8:1:3::1"))
    #expect(phone.network == rotated.network, "privacy addresses of one /64 are one network")
    #expect(phone.network != neighbour.network)
    #expect(IPAddress("192.0.2.1")?.network == [4, 192, 0, 2, 1])
    #expect(IPAddress("192.0.2.1")?.network != IPAddress("192.0.2.2")?.network, "IPv4 is /32")
    #expect(IPAddress("::ffff:192.0.2.1")?.network == IPAddress("192.0.2.1")?.network)
}

@Test func rangesMatchAtTheirEdges() throws {
    func range(_ text: String) throws -> IPRange { try #require(IPRange(text), "\(text)") }
    func address(_ text: String) throws -> IPAddress { try #require(IPAddress(text), "\(text)") }
    let eight = try range("10.0.0.0/8")
    #expect(try eight.contains(try address("10.0.0.0")) && eight.contains(try address("10.255.255.255")))
    #expect(try !eight.contains(try address("11.0.0.0")) && !eight.contains(try address("9.255.255.255")))
    #expect(eight.contains(try address("::ffff:10.1.2.3")), "a v4-mapped peer is inside the IPv4 range")
    #expect(try range("::ffff:10.0.0.0/104").contains(try address("10.1.2.3")), "the same range written as IPv6")
    #expect(try range("10.1.2.3/8") == eight, "host bits are ignored")
    let one = try range("192.0.2.1/32")
    #expect(try one.contains(try address("192.0.2.1")) && !one.contains(try address("192.0.2.2")))
    #expect(try range("192.0.2.1") == one, "an address alone is /32")
    let allIPv4 = try range("0.0.0.0/0")
    #expect(try allIPv4.contains(try address("255.255.255.255")) && allIPv4.contains(try address("0.0.0.0")))
    #expect(!allIPv4.contains(try address("2001:db8::1")), "IPv4 /0 is every IPv4 address, no IPv6 one")
    let everything = try range("::/0")
    #expect(try everything.contains(try address("2001:db8::1")) && everything.contains(try address("192.0.2.1")))
    let host = try range("2001:db8::1/128")
    #expect(try host.contains(try address("2001:db8::1")) && !host.contains(try address("2001:db8::2")))
    #expect(try range("2001:db8::1") == host, "an IPv6 address alone is /128")
    let sixtyFour = try range("2001:db8:1:2::/64")
    #expect(sixtyFour.contains(try address("2001:db8:1:2:ffff:ffff:ffff:ffff")))
    #expect(!sixtyFour.contains(try address("2001:db8:1:3::")))
    let odd = try range("2001:db8::/33")
    #expect(try odd.contains(try address("2001:db8:7fff::1")) && !odd.contains(try address("2001:db8:8000::1")))
    for bad in ["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/a", "/8", "x/8"] {
        #expect(IPRange(bad) == nil, "\(bad) is not a range")
    }
    #expect(try range("10.0.0.0/8").description == "10.0.0.0/8")
    #expect(try range("2001:db8::/32").description == "2001:db8::/32")
    guard case .failure(let invalid) = IPRange.list("10.0.0.0/8, bogus ::1") else {
        Issue.record("a typo in the list is refused")
        return
    }
    #expect(invalid.entries == ["bogus"])
    #expect((try? IPRange.list("10.0.0.0/8,  ::1\t172.16.0.0/12").get())?.count == 3)
}

// MARK: - The trusted-proxy rule

private let resolver = ClientAddressResolver(trustedProxies: [IPRange("10.0.0.0/8")!, IPRange("2001:db8:f::/48")!])

private func client(_ peer: String?, _ headers: [(String, String)]) -> String? {
    resolver.client(peer: peer, headers: HTTPHeaders(headers))?.description
}

@Test func forwardingHeadersFromAnUntrustedPeerChangeNothing() {
    let forged: [[(String, String)]] = [
        [("X-Forwarded-For", "198.51.100.1")], [("Forwarded", "for=198.51.100.1")],
        [("X-Forwarded-For", "10.0.0.1"), ("Forwarded", "for=\"[2001:db8::1]\"")],
    ]
    for headers in forged {
        #expect(client("203.0.113.7", headers) == "203.0.113.7")
        #expect(client("::ffff:203.0.113.7", headers) == "203.0.113.7")
        #expect(client("2001:db8:e::1", headers) == "2001:db8:e::1")
    }
    #expect(client("10.0.0.5", []) == "10.0.0.5", "a trusted peer without headers is the client itself")
    #expect(client("not an address", [("X-Forwarded-For", "198.51.100.1")]) == nil)
    #expect(client(nil, []) == nil)
}

@Test func xForwardedForIsWalkedRightToLeftToTheFirstUntrustedHop() {
    // The client wrote "1.1.1.1" itself; the proxies appended what they saw.
    #expect(client("10.0.0.1", [("X-Forwarded-For", "1.1.1.1, 198.51.100.9, 10.0.0.7")]) == "198.51.100.9")
    #expect(client("10.0.0.1", [("X-Forwarded-For", "198.51.100.9")]) == "198.51.100.9")
    // Several header lines are one list, in order.
    #expect(
        client("10.0.0.1", [("X-Forwarded-For", "1.1.1.1"), ("X-Forwarded-For", "198.51.100.9,10.2.2.2")])
            == "198.51.100.9")
    // Every hop trusted: the leftmost.
    #expect(client("10.0.0.1", [("X-Forwarded-For", "10.3.3.3, 2001:db8:f::1, 10.0.0.7")]) == "10.3.3.3")
    #expect(client("10.0.0.1", [("X-Forwarded-For", "2001:db8:1:2::5, 2001:db8:f:1::2")]) == "2001:db8:1:2::5")
    #expect(client("10.0.0.1", [("X-Forwarded-For", "::ffff:198.51.100.9")]) == "198.51.100.9")
    #expect(client("10.0.0.1", [("X-Forwarded-For", "198.51.100.9:5123")]) == "198.51.100.9", "a port is dropped")
    #expect(client("10.0.0.1", [("X-Forwarded-For", "[2001:db8::9]:443")]) == "2001:db8::9")
    // Garbage left of the client is the client's own text and does not matter.
    #expect(client("10.0.0.1", [("X-Forwarded-For", "<script>, 198.51.100.9")]) == "198.51.100.9")
}

@Test func malformedForwardingHeadersGiveThePeer() {
    for value in ["", " ", "198.51.100.9,", "198.51.100.9, bogus", "unknown", "198.51.100.9 10.0.0.7", "1.2.3.4:x"] {
        #expect(client("10.0.0.1", [("X-Forwarded-For", value)]) == "10.0.0.1", "\(value)")
    }
    for value in ["for=", "for=\"198.51.100.9", "for=198.51.100.9;;=x", "=198.51.100.9", "for=bogus", "for=[::1"] {
        #expect(client("10.0.0.1", [("Forwarded", value)]) == "10.0.0.1", "\(value)")
    }
}

@Test func forwardedFollowsRFC7239() {
    #expect(client("10.0.0.1", [("Forwarded", "for=198.51.100.9;proto=https;by=10.0.0.1")]) == "198.51.100.9")
    #expect(client("10.0.0.1", [("Forwarded", "For=\"198.51.100.9:4711\"")]) == "198.51.100.9")
    #expect(client("10.0.0.1", [("Forwarded", "for=\"[2001:db8:cafe::17]:4711\"")]) == "2001:db8:cafe::17")
    #expect(client("10.0.0.1", [("Forwarded", "for=\"[2001:db8:cafe::17]\"")]) == "2001:db8:cafe::17")
    #expect(
        client("10.0.0.1", [("Forwarded", "for=1.1.1.1, for=198.51.100.9;proto=http, for=10.0.0.7")])
            == "198.51.100.9")
    #expect(
        client("10.0.0.1", [("Forwarded", "for=198.51.100.9"), ("Forwarded", "for=\"[2001:db8:f::2]\"")])
            == "198.51.100.9", "lines are one list")
    // A proxy that will not say falls back to X-Forwarded-For, then to the peer.
    #expect(client("10.0.0.1", [("Forwarded", "for=unknown"), ("X-Forwarded-For", "198.51.100.3")]) == "198.51.100.3")
    #expect(client("10.0.0.1", [("Forwarded", "for=_hidden, for=10.0.0.7")]) == "10.0.0.1")
    #expect(client("10.0.0.1", [("Forwarded", "proto=https")]) == "10.0.0.1", "no for= at all")
    // Forwarded wins over X-Forwarded-For when it names a client.
    #expect(
        client("10.0.0.1", [("Forwarded", "for=198.51.100.9"), ("X-Forwarded-For", "198.51.100.3")]) == "198.51.100.9")
    #expect(client("10.0.0.1", [("Forwarded", "for=\"198.51.100.9\";host=\"a,b\"")]) == "198.51.100.9")
}

@Test func theMiddlewareSetsTheClientForEveryLayerAndTheLog() async throws {
    let log = LineCollector()
    var router = Router()
    router.add(ClientAddressMiddleware(trustedProxies: [IPRange("10.0.0.0/8")!]))
    router.add(AccessLogMiddleware(write: log.sink))
    router.get("/") { request in .text(request.clientAddress ?? "-") }
    func send(_ peer: String, _ headers: [(String, String)]) async -> String {
        var request = makeRequest("/", headers: headers)
        request.remoteAddress = peer
        return await router.respond(to: request).bodyText
    }
    #expect(await send("10.0.0.1", [("X-Forwarded-For", "198.51.100.9")]) == "198.51.100.9")
    #expect(await send("203.0.113.7", [("X-Forwarded-For", "198.51.100.9")]) == "203.0.113.7")
    #expect(await send("::ffff:203.0.113.7", []) == "203.0.113.7")
    #expect(
        log.lines.map { Dictionary(uniqueKeysWithValues: logfmtFields($0))["client"] } == [
            "198.51.100.9", "203.0.113.7", "203.0.113.7",
        ])

    // Without trusted proxies the headers are ignored and a mapped peer is still written as IPv4.
    var plain = Router()
    plain.add(ClientAddressMiddleware(trustedProxies: []))
    plain.get("/") { request in .text(request.clientAddress ?? "-") }
    for (peer, expected) in [
        ("::ffff:203.0.113.7", "203.0.113.7"), ("2001:db8::1", "2001:db8::1"), ("10.0.0.1", "10.0.0.1"),
    ] {
        var request = makeRequest("/", headers: [("X-Forwarded-For", "198.51.100.9")])
        request.remoteAddress = peer
        #expect(await plain.respond(to: request).bodyText == expected)
    }
}

// MARK: - Against the C library

/// The Swift parser agrees with glibc's `inet_pton` on random strings of the characters addresses are made
/// of (a fixed seed, so a failure repeats), and on the bytes it produces.
@Test func parsingAgreesWithInetPton() {
    var generator = SplitMix(seed: 0x5EED_1D0C)
    let alphabet = Array("0123456789abcdefABF:.:.::1f")
    var checked = 0
    for _ in 0..<200_000 {
        let length = Int(generator.next() % 24) + 1
        let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        let ours = IPAddress(text)
        var v4 = in_addr()
        var v6 = in6_addr()
        let expected: [UInt8]?
        if text.contains(":") {
            expected =
                inet_pton(AF_INET6, text, &v6) == 1 ? withUnsafeBytes(of: &v6) { Array($0) } : nil
        } else {
            expected = inet_pton(AF_INET, text, &v4) == 1 ? withUnsafeBytes(of: &v4) { Array($0) } : nil
        }
        if let expected { checked += 1 }
        #expect(ours?.bytes.suffix(expected?.count ?? 0) == expected.map { $0[...] }, "\(text)")
        if ours == nil && expected == nil { continue }
        if (ours == nil) != (expected == nil) { break }
    }
    #expect(checked > 1000, "enough valid addresses among the samples (\(checked))")
}

/// A small deterministic generator (SplitMix64), so a failing sample repeats.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random header text never traps: from a trusted peer it gives some address, from an untrusted one always the
/// peer.
@Test func randomForwardingHeadersNeverTrap() {
    var generator = SplitMix(seed: 0xF0_4A4D)
    let pieces = [
        "for=", "For=", "\"", "[", "]", ":", ",", ";", " ", "1.2.3.4", "198.51.100.9", "10.0.0.7", "2001:db8::1",
        "unknown", "_x", "\\", "proto=http", "=", "::ffff:", "4711", "by=",
    ]
    for _ in 0..<20_000 {
        let count = Int(generator.next() % 8) + 1
        let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        let name = generator.next() % 2 == 0 ? "Forwarded" : "X-Forwarded-For"
        #expect(client("10.0.0.1", [(name, text)]) != nil, "\(name): \(text)")
        #expect(client("203.0.113.7", [(name, text)]) == "203.0.113.7", "\(name): \(text)")
    }
}
