import CSQLite

extension Statement {
    /// Binds every positional parameter (`?`, `?NNN`), in order. The count must match exactly: a missing
    /// argument would otherwise silently become NULL.
    public func bind(_ arguments: [any DatabaseValueConvertible]) throws {
        guard arguments.count == parameterCount else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "the statement has \(parameterCount) parameter(s) but \(arguments.count) value(s) were given",
                sql: sql
            )
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument.databaseValue, at: offset + 1)
        }
    }

    public func bind(_ first: any DatabaseValueConvertible, _ rest: any DatabaseValueConvertible...) throws {
        try bind([first] + rest)
    }

    /// Binds named parameters. Keys may carry their prefix (`:id`, `@id`, `$id`) or not (`id` means `:id`).
    /// Every parameter of the statement must be given: a forgotten one would otherwise silently be NULL.
    public func bind(named arguments: [String: any DatabaseValueConvertible]) throws {
        var boundIndexes = Set<Int>()
        for (name, argument) in arguments {
            boundIndexes.insert(try bind(argument.databaseValue, named: name))
        }
        let missing = (0..<parameterCount).map { $0 + 1 }.filter { !boundIndexes.contains($0) }
        guard missing.isEmpty else {
            let names = missing.map { index in
                sqlite3_bind_parameter_name(handle, Int32(index)).map { String(cString: $0) } ?? "?\(index)"
            }
            throw SQLiteError(
                extendedCode: SQLITE_RANGE, message: "no value given for \(names.joined(separator: ", "))", sql: sql)
        }
    }

    /// Binds one named parameter and returns its index.
    @discardableResult
    public func bind(_ value: DatabaseValue, named name: String) throws -> Int {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(handle, candidate)
            if index > 0 {
                try bind(value, at: Int(index))
                return Int(index)
            }
        }
        throw SQLiteError(extendedCode: SQLITE_RANGE, message: "the statement has no parameter named \(name)", sql: sql)
    }

    /// Binds one value at a 1-based parameter index.
    public func bind(_ value: DatabaseValue, at index: Int) throws {
        guard let position = Int32(exactly: index), position >= 1, index <= parameterCount else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "parameter index \(index) is outside 1...\(parameterCount)",
                sql: sql
            )
        }
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, position, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, position, real)
        case .text(let text):
            // The UTF-8 byte count, not the character count; TRANSIENT makes SQLite copy before we return.
            var text = text
            code = text.withUTF8 { buffer in
                guard let base = buffer.baseAddress else {
                    return sqlite3_bind_text(handle, position, "", 0, csqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                    sqlite3_bind_text64(
                        handle, position, characters, sqlite3_uint64(buffer.count), csqlite_transient(),
                        UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                // A NULL pointer would bind NULL instead of an empty blob.
                guard let base = buffer.baseAddress else {
                    return sqlite3_bind_zeroblob(handle, position, 0)
                }
                return sqlite3_bind_blob64(handle, position, base, sqlite3_uint64(buffer.count), csqlite_transient())
            }
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, connection: connectionHandle, sql: sql)
        }
    }
}
