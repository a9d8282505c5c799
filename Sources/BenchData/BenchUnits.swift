import Survey

/// The administrative map of a benchmark data set: the demo province for 209 communes (2024 tree), otherwise a
/// made-up province with the requested number of communes, grouped 12 to a district in the 2024 tree.
enum BenchUnits {
    static let communesPerDistrict = 12

    static func csv(communes: Int, tree: BenchDataPlan.Tree) -> String {
        var lines = ["code,name,level,kind,parent_code", "99,Tỉnh Thử Nghiệm,province,tỉnh,"]
        let districtCount =
            tree == .districts2024
            ? (communes + communesPerDistrict - 1) / communesPerDistrict : 0
        for district in 0..<districtCount {
            lines.append("\(districtCode(district)),Huyện Thử Nghiệm \(district + 1),district,huyện,99")
        }
        for commune in 0..<communes {
            let isWard = commune % 5 == 0
            let parent = tree == .districts2024 ? districtCode(commune / communesPerDistrict) : "99"
            lines.append(
                "\(10_000 + commune),\(isWard ? "Phường" : "Xã") Thử Nghiệm \(commune + 1),commune,"
                    + "\(isWard ? "phường" : "xã"),\(parent)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Three-digit district codes from 100 upwards (at most 900 districts: 10,800 communes).
    static func districtCode(_ index: Int) -> String {
        String(100 + index % 900)
    }

    static func effectiveFrom(_ tree: BenchDataPlan.Tree) -> LocalDate {
        switch tree {
        case .districts2024: LocalDate(year: 2024, month: 1, day: 1) ?? LocalDate(daysSinceEpoch: 19_723)
        case .flat2025: LocalDate(year: 2025, month: 7, day: 1) ?? LocalDate(daysSinceEpoch: 20_270)
        }
    }
}
