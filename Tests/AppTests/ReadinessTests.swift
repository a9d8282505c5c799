import Database
import Testing

@testable import App
@testable import Store

/// `/readyz` answers 200 only when the schema is the binary's and a write goes through the writer; `/healthz`
/// stays a liveness check whatever the database says.
@Suite struct ReadinessTests {
    @Test func aCurrentWritableDatabaseIsReadyAndTheProbeWritesThroughTheWriter() async throws {
        let app = try await TestApp(seed: false)
        let batchesBefore = app.pool.committedBatchCount
        let ready = await app.get("/readyz")
        #expect(ready.status == .ok)
        #expect(ready.text == "ready")
        #expect(app.pool.committedBatchCount == batchesBefore + 1, "the probe's write was group-committed")
        let heartbeat = try await app.pool.read {
            try $0.scalar("SELECT value FROM settings WHERE key = ?", [Readiness.heartbeatKey], as: String.self)
        }
        #expect(heartbeat == String(app.clock.nowSeconds))
        await app.close()
    }

    @Test func aPendingMigrationMakesItNotReady() async throws {
        let app = try await TestApp(seed: false)
        let newest = try await app.scalar("SELECT max(version) FROM schema_migrations")
        _ = try await app.pool.write { try $0.run("DELETE FROM schema_migrations WHERE version = ?", [newest]) }
        let answer = await app.get("/readyz")
        #expect(answer.status == .serviceUnavailable)
        #expect(answer.text.contains("migrations pending: \(newest)"))
        #expect(await app.get("/healthz").status == .ok, "liveness does not depend on the schema")
        await app.close()
    }

    @Test func aChangedOrUnknownMigrationMakesItNotReady() async throws {
        let app = try await TestApp(seed: false)
        _ = try await app.pool.write { try $0.run("UPDATE schema_migrations SET checksum = 'x' WHERE version = 3") }
        let changed = await app.get("/readyz")
        #expect(changed.status == .serviceUnavailable)
        #expect(changed.text.contains("migration 3") && changed.text.contains("changed"))
        _ = try await app.pool.write { connection in
            try connection.run("DELETE FROM schema_migrations WHERE version = 3")
            try connection.run(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, 'future', 'y', '')")
        }
        let unknown = await app.get("/readyz")
        #expect(unknown.status == .serviceUnavailable)
        #expect(unknown.text.contains("9999"))
        await app.close()
    }

    @Test func aDatabaseThatRefusesWritesIsNotReady() async throws {
        let app = try await TestApp(seed: false)
        // A trigger that fails every write to `settings` stands for a read-only or full disk (chmod does not stop
        // root, which runs the tests here).
        _ = try await app.pool.write { connection in
            try connection.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON settings BEGIN SELECT RAISE(ABORT, 'disk refused'); END")
        }
        let answer = await app.get("/readyz")
        #expect(answer.status == .serviceUnavailable)
        #expect(answer.text.contains("not writable"))
        await app.close()
    }
}
