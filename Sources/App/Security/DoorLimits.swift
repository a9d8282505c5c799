import HTTP
import Store
import Survey
import Web

/// The hard limits on the public doors, on one `SlidingWindowLimiter`: answers per network, campaign, unit and
/// channel in a sliding hour; suggestions per network and unit in a Hanoi day; missed lookup codes per network.
/// Networks are named by `NetworkFingerprint.limitKey` (IPv4 /32, IPv6 /64, keyed hash).
final class DoorLimits: Sendable {
    let settings: DoorSettings
    let fingerprint: NetworkFingerprint
    private let limiter: SlidingWindowLimiter

    init(settings: DoorSettings, fingerprint: NetworkFingerprint = NetworkFingerprint(), maximumKeys: Int = 100_000) {
        self.settings = settings
        self.fingerprint = fingerprint
        self.limiter = SlidingWindowLimiter(maximumKeys: maximumKeys)
    }

    /// One counted event; `release()` takes it back when the work did not count after all.
    struct Reservation: Sendable {
        fileprivate let key: String
        fileprivate let instant: Int64
        fileprivate let limiter: SlidingWindowLimiter
        func release() { limiter.release(key, at: instant) }
    }

    enum Outcome: Sendable {
        case allowed(Reservation)
        case refused(retryAfter: Int64)
    }

    private func network(_ request: Request) -> String {
        fingerprint.limitKey(network: request.clientIP?.network)
    }

    private func reserve(_ key: String, limit: Int, window: Int64, now: Int64) -> Outcome {
        switch limiter.reserve(key, limit: limit, window: window, now: now) {
        case .allowed(let instant): .allowed(Reservation(key: key, instant: instant, limiter: limiter))
        case .refused(let retryAfter): .refused(retryAfter: retryAfter)
        }
    }

    func answer(_ request: Request, campaignID: Int64, unitID: Int64, kiosk: Bool, now: Int64) -> Outcome {
        let key = "a|\(network(request))|\(campaignID)|\(unitID)|\(kiosk ? "k" : "p")"
        return reserve(
            key, limit: kiosk ? settings.kioskAnswersPerHour : settings.answersPerHour,
            window: DoorSettings.answerWindowSeconds, now: now)
    }

    /// Counted per Hanoi day: the day is part of the key, so the count starts again at local midnight.
    func suggestion(_ request: Request, unitID: Int64, now: Int64) -> Outcome {
        let day = VietnamTime.localDate(at: now)
        let key = "s|\(network(request))|\(unitID)|\(day.iso)"
        switch reserve(key, limit: settings.suggestionsPerDay, window: 86_400, now: now) {
        case .allowed(let reservation): return .allowed(reservation)
        case .refused:
            let midnight = VietnamTime.instant(day.adding(days: 1), hour: 0, minute: 0)
            return .refused(retryAfter: max(1, midnight - now))
        }
    }

    /// Reserved before a lookup and released when the code was found, so only misses count and parallel
    /// guesses cannot pass the limit. Refused lookups are refused even for a right code: an answer that
    /// depended on the code would go on telling a guesser which codes exist.
    func lookup(_ request: Request, now: Int64) -> Outcome {
        reserve(
            "l|\(network(request))", limit: settings.lookupMisses, window: settings.lookupWindowSeconds, now: now)
    }

    /// Whole minutes, rounded up, for the pages ("sau khoảng 12 phút").
    static func minutes(_ seconds: Int64) -> Int64 { max(1, (seconds + 59) / 60) }

    static func tooMany(_ message: String, retryAfter: Int64) -> HTTPError {
        HTTPError(.tooManyRequests, message: message, headers: HTTPHeaders([("Retry-After", String(retryAfter))]))
    }
}
