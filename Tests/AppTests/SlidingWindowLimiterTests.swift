import Testing

@testable import App

@Suite struct SlidingWindowLimiterTests {
    @Test func limitAtItsEdgeAndReleases() {
        let limiter = SlidingWindowLimiter()
        let now: Int64 = 1_000_000
        #expect(limiter.reserve("k", limit: 2, window: 60, now: now) == .allowed(at: now))
        #expect(limiter.reserve("k", limit: 2, window: 60, now: now + 10) == .allowed(at: now + 10))
        #expect(limiter.reserve("k", limit: 2, window: 60, now: now + 20) == .refused(retryAfter: 40))
        limiter.release("k", at: now + 10)
        #expect(limiter.reserve("k", limit: 2, window: 60, now: now + 20) == .allowed(at: now + 20))
        #expect(limiter.reserve("k", limit: 2, window: 60, now: now + 59) == .refused(retryAfter: 1))
        #expect(limiter.reserve("k", limit: 2, window: 60, now: now + 60) == .allowed(at: now + 60))
        #expect(limiter.count("k", now: now + 60) == 2)
        limiter.release("k", at: now + 20)
        limiter.release("k", at: now + 60)
        #expect(limiter.keyCount == 0, "a key with nothing left is dropped")
    }

    @Test func theTableStaysBelowItsCap() {
        let limiter = SlidingWindowLimiter(maximumKeys: 100)
        let now: Int64 = 1_000_000
        for index in 0..<1000 {
            _ = limiter.reserve("old\(index)", limit: 5, window: 60, now: now + Int64(index / 10))
        }
        #expect(limiter.keyCount <= 100)
        // Expired keys go first; the idlest live keys next, never the one just counted.
        _ = limiter.reserve("new", limit: 5, window: 60, now: now + 1000)
        #expect(limiter.count("new", now: now + 1000) == 1)
        #expect(limiter.keyCount <= 100)
        for index in 0..<150 { _ = limiter.reserve("live\(index)", limit: 5, window: 3600, now: now + 2000) }
        #expect(limiter.keyCount <= 100)
        #expect(limiter.count("live149", now: now + 2000) == 1)
    }
}
