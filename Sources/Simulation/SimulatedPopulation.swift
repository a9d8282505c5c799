import BenchData

/// Who answers at a commune's desk and how they reach the server: mostly phones on the three mobile networks
/// (IPv6 with a /64 of their own, or IPv4 behind carrier-grade NAT shared by thousands of subscribers), some on
/// the office's guest Wi-Fi, and in some communes a tablet at the desk in kiosk mode. Shared addresses and
/// popular phone models are what make honest traffic look alike; the simulation needs them to measure false flags.
package struct SimulatedPopulation: Sendable {
    /// Phones' user agents, most common first (a few models dominate, as they do in Vietnam's low-end market).
    static let userAgents: [String] = (0..<36).map { index in
        let models = [
            "SM-A055F", "SM-A145F", "Redmi 13C", "OPPO A58", "vivo Y17s", "SM-A245F", "Redmi Note 13", "realme C53",
            "OPPO A18", "SM-A155F", "Nokia C32", "vivo Y03", "iPhone",
        ]
        let model = models[index % models.count]
        let chrome = 118 + index / models.count * 3
        return model == "iPhone"
            ? "Mozilla/5.0 (iPhone; CPU iPhone OS 17_\(index / models.count + 2) like Mac OS X) AppleWebKit/605.1.15 Safari/604.1"
            : "Mozilla/5.0 (Linux; Android 13; \(model)) AppleWebKit/537.36 Chrome/\(chrome).0 Mobile Safari/537.36"
    }
    /// Zipf-like weights for `userAgents`.
    static let userAgentWeights: [Double] = (0..<36).map { 1 / Double($0 + 2) }

    /// Carrier-grade NAT pools, province-wide: every IPv4 mobile subscriber leaves through one of these.
    static let natPools: [[String]] = [
        (0..<48).map { "27.72.\(100 + $0 / 16).\(10 + $0 % 16)" },
        (0..<24).map { "113.160.\(20 + $0 / 12).\(30 + $0 % 12)" },
        (0..<24).map { "117.4.\(60 + $0 / 12).\(40 + $0 % 12)" },
    ]

    static func userAgent(_ random: inout BenchRandom) -> String {
        userAgents[random.weighted(userAgentWeights)]
    }

    /// A phone's own IPv6 /64 (the privacy suffix changes from answer to answer; the /64 stays).
    static func ipv6Network(_ random: inout BenchRandom) -> String {
        "2402:800:\(String(random.between(0x1000, 0xffff), radix: 16)):\(String(random.between(0, 0xffff), radix: 16))"
    }

    static func ipv6Address(network: String, _ random: inout BenchRandom) -> String {
        network + ":\(String(random.between(1, 0xffff), radix: 16)):\(String(random.between(1, 0xffff), radix: 16))"
            + ":\(String(random.between(1, 0xffff), radix: 16)):\(String(random.between(1, 0xffff), radix: 16))"
    }

    /// Where one phone answer comes from: the desk's Wi-Fi, a NAT address, or the phone's own IPv6.
    static func phoneAddress(unit: UnitProfile, _ random: inout BenchRandom) -> String {
        if random.chance(unit.wifiShare) { return unit.officeAddress }
        if random.chance(0.5) { return ipv6Address(network: ipv6Network(&random), &random) }
        return random.element(natPools[random.weighted([0.5, 0.25, 0.25])])
    }
}

/// A commune's traits, drawn once: how busy its desk is, how many visitors answer, how well they are served, and
/// how they connect.
package struct UnitProfile: Sendable {
    package let unitID: Int64
    package let code: String
    /// Visitors on a weekday, on average.
    let meanVisitors: Double
    /// Share of visitors who answer.
    let participation: Double
    /// Share of good experiences.
    let quality: Double
    let hasKiosk: Bool
    let kioskShare: Double
    let wifiShare: Double
    /// The office's public address (its guest Wi-Fi and its kiosk).
    let officeAddress: String
    let kioskUserAgent: String

    init(unitID: Int64, code: String, index: Int, random: inout BenchRandom) {
        self.unitID = unitID
        self.code = code
        let busy = random.chance(0.2)
        meanVisitors = busy ? Double(random.between(30, 70)) : Double(random.between(6, 30))
        participation = 0.35 + 0.5 * random.unit()
        quality = 0.55 + 0.42 * random.unit()
        hasKiosk = random.chance(0.15)
        kioskShare = 0.3 + 0.2 * random.unit()
        wifiShare = 0.1 + 0.15 * random.unit()
        officeAddress = "14.\(160 + index / 250).\(index % 250).\(random.between(2, 250))"
        kioskUserAgent =
            "Mozilla/5.0 (Linux; Android 12; SM-T225 kiosk-\(code)) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
    }
}
