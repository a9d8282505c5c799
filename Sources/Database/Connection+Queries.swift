extension Connection {
    /// All rows of a query, through the statement cache.
    public func query(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> [Row] {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.rows()
    }

    public func query(_ sql: String, named arguments: [String: any DatabaseValueConvertible]) throws -> [Row] {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(named: arguments)
        return try statement.rows()
    }

    /// The first row, or nil when there is none. Only the first row is fetched.
    public func queryOne(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> Row? {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? statement.currentRow() : nil
    }

    /// The first column of the first row; nil when there is no row or the value is NULL.
    public func scalar<T: DatabaseValueConvertible>(
        _ sql: String, _ arguments: [any DatabaseValueConvertible] = [], as type: T.Type = T.self
    ) throws -> T? {
        guard let row = try queryOne(sql, arguments), row.count > 0 else { return nil }
        return try row.decode(T?.self, at: 0)
    }

    /// Runs one statement for its effect and returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> Int {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        try statement.run()
        return changes
    }

    @discardableResult
    public func run(_ sql: String, named arguments: [String: any DatabaseValueConvertible]) throws -> Int {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(named: arguments)
        try statement.run()
        return changes
    }
}
