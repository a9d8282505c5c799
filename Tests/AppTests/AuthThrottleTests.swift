import Database
import Testing

@testable import App
@testable import Store

@Suite struct AuthThrottleStoreTests {
    @Test func staleCountsAreForgottenButLocksAreKept() async throws {
        let app = try await TestApp(seed: false)
        let now: Int64 = 1_800_000_000
        let remaining = try await app.pool.write { connection -> [String] in
            let throttle = LoginThrottle(connection)
            try throttle.recordFailure(key: "user:cu", rule: .account, now: now - 2 * 86_400)
            for _ in 1...5 { try throttle.recordFailure(key: "user:khoa", rule: .account, now: now - 2 * 86_400) }
            try connection.run("UPDATE login_attempts SET locked_until = ? WHERE key = 'user:khoa'", [now + 60])
            try throttle.recordFailure(key: "user:moi", rule: .account, now: now)
            try throttle.deleteStale(now: now)
            return try connection.query("SELECT key FROM login_attempts ORDER BY key").map { try $0.string(0) }
        }
        #expect(remaining == ["user:khoa", "user:moi"])
        #expect(LoginThrottle.minutes(until: now + 61, now: now) == 2)
        #expect(LoginThrottle.minutes(until: now + 1, now: now) == 1)
        await app.close()
    }
}
