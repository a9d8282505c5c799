import Database

/// Whether this instance can take traffic (`GET /readyz`): its schema is the one the binary was built for, and a
/// write goes through the group-commit writer. Liveness (`/healthz`) asks neither.
public enum Readiness {
    /// The migrations embedded in the binary, loaded once: a probe every few seconds should not hash them again.
    private static let known: Result<[Migration], any Error> = Result { try AppDatabase.migrations() }

    static let heartbeatKey = "readyz_heartbeat"

    /// Nil when ready; otherwise why not, in one line an operator can act on.
    public static func problem(_ database: DatabasePool, now: Int64) async -> String? {
        let migrations: [Migration]
        switch known {
        case .success(let list): migrations = list
        case .failure(let error): return "embedded migrations unreadable: \(error)"
        }
        do {
            let applied = try await database.read { try Migrator(migrations: migrations).appliedMigrations($0) }
            if let problem = schemaProblem(applied: applied, known: migrations) { return problem }
        } catch {
            return "database unreadable: \(error)"
        }
        do {
            // An ordinary batched write: it joins whatever batch is forming and proves the writer commits.
            _ = try await database.write { connection in
                try connection.run(
                    """
                    INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """, [heartbeatKey, String(now), now])
            }
        } catch {
            return "database not writable: \(error)"
        }
        return nil
    }

    /// Pending, changed or unknown migrations, named by version.
    static func schemaProblem(applied: [AppliedMigration], known: [Migration]) -> String? {
        let byVersion = Dictionary(uniqueKeysWithValues: known.map { ($0.version, $0) })
        for record in applied {
            guard let migration = byVersion[record.version] else {
                return "migration \(record.version) (\(record.name)) is unknown to this binary"
            }
            guard migration.checksum == record.checksum else {
                return "migration \(record.version) (\(record.name)) changed since it was applied"
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        let pending = known.filter { !appliedVersions.contains($0.version) }.map { String($0.version) }
        guard pending.isEmpty else {
            return "migrations pending: \(pending.joined(separator: ", ")); run `qcdc migrate`"
        }
        return nil
    }
}
