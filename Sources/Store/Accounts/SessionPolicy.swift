/// How long a browser session lasts. Idle: a desk computer left signed in closes itself after two hours without
/// use. Absolute: even in use, a session ends after twelve hours, so a stolen cookie is worth one working day.
public struct SessionPolicy: Sendable, Hashable {
    public var idleSeconds: Int64 = 2 * 3600
    public var absoluteSeconds: Int64 = 12 * 3600
    /// `last_seen_at` is written at most this often: a write per request would be pointless load.
    public var touchIntervalSeconds: Int64 = 60

    public init() {}

    public func isAlive(createdAt: Int64, lastSeenAt: Int64, now: Int64) -> Bool {
        now - lastSeenAt <= idleSeconds && now - createdAt <= absoluteSeconds
    }

    public func needsTouch(lastSeenAt: Int64, now: Int64) -> Bool {
        now - lastSeenAt >= touchIntervalSeconds
    }
}
