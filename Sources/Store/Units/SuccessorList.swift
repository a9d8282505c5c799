/// `old_code,new_code` rows: where each code of an older map went after a reform.
public struct SuccessorList: Sendable, Hashable {
    public let pairs: [(old: String, new: String)]

    public static func == (lhs: SuccessorList, rhs: SuccessorList) -> Bool {
        lhs.pairs.map(\.old) == rhs.pairs.map(\.old) && lhs.pairs.map(\.new) == rhs.pairs.map(\.new)
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.old)
            hasher.combine(pair.new)
        }
    }

    public init(csv bytes: [UInt8]) throws(UnitList.Failure) {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader().records(bytes)
        } catch {
            throw UnitList.Failure(line: nil, message: error.description)
        }
        guard let header = records.first, header.fields == ["old_code", "new_code"] else {
            throw UnitList.Failure(line: 1, message: "Tệp kế thừa cần đúng hai cột: old_code,new_code.")
        }
        var seen: [String: Int] = [:]
        var pairs: [(old: String, new: String)] = []
        for record in records.dropFirst() {
            guard record.fields.count == 2, !record.fields[0].isEmpty, !record.fields[1].isEmpty else {
                throw UnitList.Failure(line: record.line, message: "Cần hai mã: mã cũ và mã mới.")
            }
            if let earlier = seen[record.fields[0]] {
                throw UnitList.Failure(
                    line: record.line, message: "Mã cũ \(record.fields[0]) trùng với dòng \(earlier).")
            }
            seen[record.fields[0]] = record.line
            pairs.append((record.fields[0], record.fields[1]))
        }
        self.pairs = pairs
    }
}
