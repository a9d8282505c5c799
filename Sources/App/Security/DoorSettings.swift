import Web

/// The settings of the public doors (`qcdc serve --help` lists them with these defaults): which peers may
/// name the client, and how much one network may send. Counters live in memory, per process.
public struct DoorSettings: Sendable {
    /// Reverse proxies whose `Forwarded`/`X-Forwarded-For` headers are believed (see `ClientAddressResolver`).
    public var trustedProxies: [IPRange] = []
    /// Answers one network may store for one campaign and unit in any hour, from phones. A desk that helps
    /// people fill the form on their own phones over the office Wi-Fi may see a few dozen an hour.
    public var answersPerHour = 60
    /// The same for a kiosk tablet (signed kiosk cookie): a busy desk with a tablet serves one person a minute
    /// or more.
    public var kioskAnswersPerHour = 240
    /// Suggestions one network may send to one unit in a Hanoi day.
    public var suggestionsPerDay = 10
    /// Lookup codes one network may get wrong in `lookupWindowSeconds` before lookups answer 429.
    public var lookupMisses = 20
    public var lookupWindowSeconds: Int64 = 600

    public init() {}

    public static let answerWindowSeconds: Int64 = 3600
}
