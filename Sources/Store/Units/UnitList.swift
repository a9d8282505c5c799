/// A parsed and checked administrative map: one province, optional districts, communes, each with its parent.
/// Checked whole before anything is written, so a bad row refuses the file with its line number.
public struct UnitList: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case province, district, commune

        /// Official statistics codes: province 2 digits, district 3, commune 5.
        package var codeLength: Int {
            switch self {
            case .province: 2
            case .district: 3
            case .commune: 5
            }
        }
    }

    public struct Unit: Sendable, Hashable {
        public let line: Int
        public let code: String
        public let name: String
        public let level: Level
        public let kind: String
        public let parentCode: String?
    }

    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public let line: Int?
        public let message: String

        public var description: String { line.map { "Dòng \($0): \(message)" } ?? message }
    }

    /// Units in file order.
    public let units: [Unit]

    public var province: Unit? { units.first { $0.level == .province } }

    public static let requiredColumns = ["code", "name", "level", "kind", "parent_code"]

    public init(csv bytes: [UInt8]) throws(Failure) {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader().records(bytes)
        } catch {
            throw Failure(line: nil, message: error.description)
        }
        guard let header = records.first else { throw Failure(line: nil, message: "Tệp rỗng.") }
        var column: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() { column[name.trimmed] = index }
        for name in Self.requiredColumns where column[name] == nil {
            throw Failure(
                line: header.line,
                message: "Thiếu cột \"\(name)\" (cần: \(Self.requiredColumns.joined(separator: ","))).")
        }
        var units: [Unit] = []
        var lineOfCode: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw Failure(line: record.line, message: "Có \(record.fields.count) cột, cần \(header.fields.count).")
            }
            func field(_ name: String) -> String { record.fields[column[name]!].trimmed }
            let unit = try Self.unit(
                line: record.line, code: field("code"), name: field("name"),
                level: field("level"), kind: field("kind"), parent: field("parent_code"))
            if let earlier = lineOfCode[unit.code] {
                throw Failure(line: record.line, message: "Mã \(unit.code) trùng với dòng \(earlier).")
            }
            lineOfCode[unit.code] = record.line
            units.append(unit)
        }
        try Self.checkTree(units)
        self.units = units
    }

    private static func unit(
        line: Int, code: String, name: String, level: String, kind: String,
        parent: String
    ) throws(Failure) -> Unit {
        guard let level = Level(rawValue: level) else {
            throw Failure(line: line, message: "Cấp \"\(level)\" không hợp lệ (province, district hoặc commune).")
        }
        guard code.count == level.codeLength, code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw Failure(
                line: line,
                message: "Mã \"\(code)\" không hợp lệ: đơn vị cấp \(level.rawValue) có mã \(level.codeLength) chữ số.")
        }
        guard !name.isEmpty else { throw Failure(line: line, message: "Thiếu tên đơn vị.") }
        guard !kind.isEmpty else { throw Failure(line: line, message: "Thiếu loại đơn vị (tỉnh, huyện, xã, ...).") }
        if level == .province, !parent.isEmpty {
            throw Failure(line: line, message: "Tỉnh không có đơn vị cấp trên; để trống parent_code.")
        }
        if level != .province, parent.isEmpty {
            throw Failure(line: line, message: "Thiếu mã đơn vị cấp trên (parent_code).")
        }
        return Unit(
            line: line, code: code, name: SearchText.nfc(name), level: level, kind: SearchText.nfc(kind),
            parentCode: parent.isEmpty ? nil : parent)
    }

    /// One province at the root; districts under it; communes under a district or, since 2025, the province.
    private static func checkTree(_ units: [Unit]) throws(Failure) {
        let provinces = units.filter { $0.level == .province }
        guard provinces.count == 1 else {
            throw Failure(
                line: provinces.dropFirst().first?.line, message: "Tệp phải có đúng một tỉnh, có \(provinces.count).")
        }
        let levelOfCode = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.level) })
        for unit in units {
            guard let parentCode = unit.parentCode else { continue }
            guard let parentLevel = levelOfCode[parentCode] else {
                throw Failure(line: unit.line, message: "Không có đơn vị cấp trên mã \(parentCode) trong tệp.")
            }
            let allowed: [Level] = unit.level == .district ? [.province] : [.district, .province]
            guard allowed.contains(parentLevel) else {
                throw Failure(
                    line: unit.line,
                    message: "Đơn vị cấp \(unit.level.rawValue) không thể thuộc đơn vị cấp \(parentLevel.rawValue).")
            }
        }
        guard units.contains(where: { $0.level == .commune }) else {
            throw Failure(line: nil, message: "Tệp không có xã, phường, thị trấn nào.")
        }
    }
}

extension String {
    fileprivate var trimmed: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
