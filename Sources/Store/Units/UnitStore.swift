import Database
import Foundation
import Survey

/// A unit as pages and rules see it.
public struct UnitRecord: Sendable, Hashable {
    public let id: Int64
    public let unitSetID: Int64
    public let code: String
    public let name: String
    public let level: String
    public let kind: String
    public let parentID: Int64?
}

/// Dated unit sets: import, and lookups in the set in force on a day.
public struct UnitStore {
    package let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public enum ImportOutcome: Sendable, Hashable {
        case imported(unitSetID: Int64, units: Int)
        /// The same file was imported for that date before; nothing changed.
        case unchanged(unitSetID: Int64)
    }

    public struct ImportError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Adds `list` as the map in force from `effective`, in one transaction: all of it or nothing.
    public func importSet(
        _ list: UnitList, effective: LocalDate, sourceName: String, checksum: String,
        successors: [(old: String, new: String)] = [], now: Int64
    ) throws -> ImportOutcome {
        try connection.transaction {
            if let existing = try connection.queryOne(
                "SELECT id, checksum FROM unit_sets WHERE effective_from = ?", [effective.iso]
            ) {
                let id = try existing.int64("id")
                guard try existing.string("checksum") == checksum else {
                    throw ImportError(
                        description:
                            "Đã có bộ đơn vị hành chính hiệu lực từ \(effective.vietnamese) với nội dung khác. Bộ đã nhập không bao giờ bị ghi đè; hãy nhập với ngày hiệu lực khác."
                    )
                }
                return .unchanged(unitSetID: id)
            }
            try connection.run(
                "INSERT INTO unit_sets (effective_from, source_name, checksum, imported_at) VALUES (?, ?, ?, ?)",
                [effective.iso, sourceName, checksum, now])
            let setID = connection.lastInsertRowID
            var idOfCode: [String: Int64] = [:]
            // Parents first, so every parent_id points at a row that exists.
            for level in UnitList.Level.allCases {
                for unit in list.units where unit.level == level {
                    let parentID = unit.parentCode.flatMap { idOfCode[$0] }
                    try connection.run(
                        """
                        INSERT INTO units (unit_set_id, code, name, level, kind, parent_id, search_name)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            setID, unit.code, unit.name, unit.level.rawValue, unit.kind, parentID,
                            SearchText.fold(unit.name),
                        ])
                    idOfCode[unit.code] = connection.lastInsertRowID
                }
            }
            for (old, new) in successors {
                guard idOfCode[new] != nil else {
                    throw ImportError(description: "Mã kế thừa \(new) (thay cho \(old)) không có trong bộ đơn vị mới.")
                }
                try connection.run(
                    "INSERT INTO unit_successors (unit_set_id, old_code, new_code) VALUES (?, ?, ?)",
                    [setID, old, new])
            }
            return .imported(unitSetID: setID, units: list.units.count)
        }
    }

    /// The set in force on `day`: the latest one whose date has come.
    public func unitSetID(inForceOn day: LocalDate) throws -> Int64? {
        try connection.scalar(
            "SELECT id FROM unit_sets WHERE effective_from <= ? ORDER BY effective_from DESC LIMIT 1", [day.iso])
    }

    public func unit(id: Int64) throws -> UnitRecord? {
        try connection.queryOne("\(Self.columns) WHERE id = ?", [id]).map(Self.record)
    }

    public func unit(code: String, inSet setID: Int64) throws -> UnitRecord? {
        try connection.queryOne("\(Self.columns) WHERE unit_set_id = ? AND code = ?", [setID, code]).map(Self.record)
    }

    /// Resolves a printed code in the map in force on `day`, following successor links from older maps, so a
    /// poster printed before a reform still lands on the commune that took over.
    public func resolve(code: String, on day: LocalDate) throws -> UnitRecord? {
        guard let setID = try unitSetID(inForceOn: day) else { return nil }
        if let unit = try unit(code: code, inSet: setID) { return unit }
        guard
            let successor: String = try connection.scalar(
                "SELECT new_code FROM unit_successors WHERE unit_set_id = ? AND old_code = ?", [setID, code])
        else {
            return nil
        }
        return try unit(code: successor, inSet: setID)
    }

    public func children(of parentID: Int64) throws -> [UnitRecord] {
        try connection.query("\(Self.columns) WHERE parent_id = ? ORDER BY code", [parentID]).map(Self.record)
    }

    /// Every commune of a set (or of one district), in code order.
    public func communes(inSet setID: Int64, district districtID: Int64? = nil) throws -> [UnitRecord] {
        if let districtID {
            return try connection.query(
                "\(Self.columns) WHERE parent_id = ? AND level = 'commune' ORDER BY code",
                [districtID]
            ).map(Self.record)
        }
        return try connection.query(
            "\(Self.columns) WHERE unit_set_id = ? AND level = 'commune' ORDER BY code",
            [setID]
        ).map(Self.record)
    }

    public func units(inSet setID: Int64, level: String) throws -> [UnitRecord] {
        try connection.query(
            "\(Self.columns) WHERE unit_set_id = ? AND level = ? ORDER BY code",
            [setID, level]
        ).map(Self.record)
    }

    /// Units whose name matches, ignoring diacritics and case ("ngo quyen" finds "Ngô Quyền").
    public func search(_ text: String, inSet setID: Int64, limit: Int = 50) throws -> [UnitRecord] {
        let escaped = SearchText.fold(text).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%" + escaped + "%"
        return try connection.query(
            "\(Self.columns) WHERE unit_set_id = ? AND search_name LIKE ? ESCAPE '\\' ORDER BY code LIMIT ?",
            [setID, pattern, limit]
        ).map(Self.record)
    }

    package static let columns = "SELECT id, unit_set_id, code, name, level, kind, parent_id FROM units"

    package static func record(_ row: Row) throws -> UnitRecord {
        UnitRecord(
            id: try row.int64("id"), unitSetID: try row.int64("unit_set_id"), code: try row.string("code"),
            name: try row.string("name"), level: try row.string("level"), kind: try row.string("kind"),
            parentID: try row.optionalInt64("parent_id"))
    }
}
