import Database
import Testing

@testable import App
@testable import Store

@Suite struct AuthThrottleStoreTests {
    @Test func backOffDoublesFromTheFifthFailureUpToFifteenMinutes() {
        let rule = LoginThrottle.Rule.standard
        #expect((0...4).map { rule.delay(failures: $0) } == [0, 0, 0, 0, 0])
        #expect((5...9).map { rule.delay(failures: $0) } == [1, 2, 4, 8, 16])
        #expect(rule.delay(failures: 14) == 512)
        #expect(rule.delay(failures: 15) == 900, "1024 s is capped at 15 minutes")
        #expect(rule.delay(failures: 1000) == 900)
        #expect(LoginThrottle.Rule.of("addr:abc") == .address)
        #expect(LoginThrottle.Rule.of("user:abc") == .standard)
    }

    @Test func reservingWaitsOnAnyKeyAndCountsAllOrNothing() async throws {
        let app = try await TestApp(seed: false)
        let now: Int64 = 1_800_000_000
        try await app.pool.write { connection in
            let throttle = LoginThrottle(connection)
            for _ in 1...5 { #expect(try throttle.reserve(keys: ["user:a", "addr:x"], now: now) == nil) }
            // The account must wait one second: nothing is counted, not even on the address.
            #expect(try throttle.reserve(keys: ["user:a", "addr:x"], now: now) == 1)
            #expect(try throttle.failures(key: "addr:x", now: now) == 5)
            // One second later (the edge itself) the attempt is allowed and the next wait doubles.
            #expect(try throttle.reserve(keys: ["user:a", "addr:x"], now: now + 1) == nil)
            #expect(try throttle.reserve(keys: ["user:a"], now: now + 2) == 1)
            #expect(try throttle.reserve(keys: ["user:a"], now: now + 3) == nil)
            #expect(try throttle.reserve(keys: ["user:a"], now: now + 3) == 4)
            // A release takes back one attempt; a reset clears the key.
            try throttle.release(key: "addr:x", now: now + 3)
            #expect(try throttle.failures(key: "addr:x", now: now + 3) == 5)
            try throttle.reset(key: "user:a")
            #expect(try throttle.reserve(keys: ["user:a"], now: now + 3) == nil)
        }
        await app.close()
    }

    @Test func quietKeysAreForgottenAfterAnHour() async throws {
        let app = try await TestApp(seed: false)
        let now: Int64 = 1_800_000_000
        let remaining = try await app.pool.write { connection -> [String] in
            let throttle = LoginThrottle(connection)
            _ = try throttle.reserve(keys: ["user:cu"], now: now - 3600)
            _ = try throttle.reserve(keys: ["user:moi"], now: now - 3599)
            #expect(try throttle.failures(key: "user:cu", now: now) == 0, "an hour quiet: counted as nothing")
            #expect(try throttle.failures(key: "user:moi", now: now) == 1)
            try throttle.deleteStale(now: now)
            return try connection.query("SELECT key FROM login_attempts ORDER BY key").map { try $0.string(0) }
        }
        #expect(remaining == ["user:moi"])
        #expect(LoginThrottle.waitText(1) == "1 giây")
        #expect(LoginThrottle.waitText(59) == "59 giây")
        #expect(LoginThrottle.waitText(61) == "2 phút")
        await app.close()
    }
}
