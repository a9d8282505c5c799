import Foundation

extension Migration {
    /// Loads every `NNNN_name.sql` file of a directory. Other files (a README, dot files) are ignored,
    /// but a `.sql` file whose name does not follow the pattern, a non-UTF-8 file, or two files with
    /// the same version number are refused: silently skipping one would leave the schema incomplete.
    public static func load(directory: String) throws -> [Migration] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MigrationError.unreadable(path: directory, reason: "\(error.localizedDescription)")
        }
        var migrations: [Migration] = []
        for fileName in entries.sorted() where fileName.hasSuffix(".sql") && !fileName.hasPrefix(".") {
            guard let (version, name) = parse(fileName: fileName) else {
                throw MigrationError.malformedFileName(fileName: fileName, directory: directory)
            }
            let path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
            guard let data = FileManager.default.contents(atPath: path) else {
                throw MigrationError.unreadable(path: path, reason: "the file cannot be read")
            }
            guard let sql = String(validating: Array(data), as: UTF8.self) else {
                throw MigrationError.notUTF8(path: path)
            }
            migrations.append(Migration(version: version, name: name, sql: sql, source: fileName))
        }
        try checkUniqueVersions(migrations)
        return migrations.sorted { $0.version < $1.version }
    }

    /// A migration embedded in a binary, named like its file (`0002_add_units.sql`).
    public init(fileName: String, sql: String) throws {
        guard let (version, name) = Self.parse(fileName: fileName) else {
            throw MigrationError.malformedFileName(fileName: fileName, directory: "(embedded)")
        }
        self.init(version: version, name: name, sql: sql, source: fileName)
    }

    /// `0002_add_units.sql` → (2, "add_units"). Digits, one underscore, then letters, digits, `_` or `-`.
    static func parse(fileName: String) -> (version: Int, name: String)? {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let version = Int(digits), version > 0,
            !name.isEmpty,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else { return nil }
        return (version, String(name))
    }

    static func checkUniqueVersions(_ migrations: [Migration]) throws {
        var seen: [Int: Migration] = [:]
        for migration in migrations {
            if let earlier = seen[migration.version] {
                throw MigrationError.duplicateVersion(
                    version: migration.version, first: earlier.source, second: migration.source)
            }
            seen[migration.version] = migration
        }
    }
}
