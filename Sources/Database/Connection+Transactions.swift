import CSQLite

extension String {
    fileprivate func replacingQuotes() -> String {
        split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
    }
}

extension Connection {
    /// Runs `body` in a transaction that commits when it returns, or rolls back and rethrows its error.
    ///
    /// Called while a transaction is already open (for example inside `DatabasePool.write`, which batches
    /// jobs into one transaction), it nests as a savepoint instead, so helpers can use it without knowing
    /// where they are called from.
    @discardableResult
    public func transaction<T>(kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if isInTransaction {
            return try savepoint("nested_transaction", body)
        }
        try runCached("BEGIN \(kind.rawValue)")
        let result: T
        do {
            result = try body()
        } catch {
            rollbackQuietly()
            throw error
        }
        do {
            try runCached("COMMIT")
        } catch {
            // A failed COMMIT (deferred foreign key, I/O error) can leave the transaction open.
            rollbackQuietly()
            throw error
        }
        return result
    }

    /// Runs `body` inside `SAVEPOINT name`: released on success; on error rolled back to the savepoint
    /// (the enclosing transaction, if any, goes on) and the error rethrown. Outside a transaction a
    /// savepoint behaves like BEGIN DEFERRED … COMMIT.
    @discardableResult
    public func savepoint<T>(_ name: String, _ body: () throws -> T) throws -> T {
        let texts = texts(forSavepoint: name)
        try runCached(texts.begin)
        let result: T
        do {
            result = try body()
        } catch {
            // The first error is the one worth reporting; a failing rollback here would only hide it.
            // SQLite may already have rolled the whole transaction back (I/O error, SQLITE_FULL); then
            // there is no savepoint left and callers see it through `isInTransaction`.
            try? runCached(texts.rollback)
            try? runCached(texts.release)
            throw error
        }
        do {
            try runCached(texts.release)
        } catch {
            // An error must mean "nothing of body was kept", so undo it if SQLite still can.
            try? runCached(texts.rollback)
            try? runCached(texts.release)
            throw error
        }
        return result
    }

    /// Two savepoints open and close per group-committed write: their statements' texts are built once per name,
    /// and then find their prepared statements by address (`cachedStatement`).
    private func texts(forSavepoint name: String) -> SavepointTexts {
        if let texts = savepointTexts[name] { return texts }
        let escaped = name.utf8.contains(UInt8(ascii: "\"")) ? name.replacingQuotes() : name
        let quoted = "\"" + escaped + "\""
        let texts = SavepointTexts(
            begin: "SAVEPOINT \(quoted)", release: "RELEASE \(quoted)", rollback: "ROLLBACK TO \(quoted)")
        if savepointTexts.count >= 64 { savepointTexts.removeAll() }
        savepointTexts[name] = texts
        return texts
    }

    /// Transaction control runs once or twice per write job; keeping it prepared saves a parse each time.
    func runCached(_ sql: String) throws {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.run()
    }

    /// Rolls back if a transaction is still open, keeping whatever error the caller is about to throw.
    func rollbackQuietly() {
        if isInTransaction {
            try? runCached("ROLLBACK")
        }
    }

    /// Number of deferred foreign-key violations not yet resolved in the open transaction. COMMIT fails
    /// while this is above zero.
    var pendingDeferredForeignKeyViolations: Int {
        var current: Int32 = 0
        var highwater: Int32 = 0
        sqlite3_db_status(handle, SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highwater, 0)
        return Int(current)
    }

    /// Test hook: makes every COMMIT fail (SQLITE_CONSTRAINT_COMMITHOOK) until turned off.
    func setCommitVeto(_ veto: Bool) {
        if veto {
            sqlite3_commit_hook(handle, { _ in 1 }, nil)
        } else {
            sqlite3_commit_hook(handle, nil, nil)
        }
    }
}

struct SavepointTexts {
    let begin: String
    let release: String
    let rollback: String
}
