/// A criteria set as the rules see it: the criteria with their maximum and minimum points, the pass rule, the
/// satisfaction bands and the documents asked for. Loaded by the store from the data of migration 0020.
public struct CriteriaSet: Sendable, Hashable {
    public let id: Int64
    public let year: Int
    public let subjectKind: DossierSubjectKind
    public let version: Int
    public let title: String
    /// The pass rule's total: the province's setting (80 by default).
    public let passTotal: Double
    /// In display order: each criterion followed by its sub-criteria.
    public let criteria: [Criterion]
    public let bands: SatisfactionBands
    public let documentKinds: [DossierDocumentKind]

    public init(
        id: Int64, year: Int, subjectKind: DossierSubjectKind, version: Int, title: String, passTotal: Double,
        criteria: [Criterion], bands: SatisfactionBands, documentKinds: [DossierDocumentKind]
    ) {
        self.id = id
        self.year = year
        self.subjectKind = subjectKind
        self.version = version
        self.title = title
        self.passTotal = passTotal
        self.criteria = criteria
        self.bands = bands
        self.documentKinds = documentKinds
    }

    /// Criteria without a parent.
    public var topLevel: [Criterion] { criteria.filter { $0.parentCode == nil } }

    public func children(of code: String) -> [Criterion] { criteria.filter { $0.parentCode == code } }

    /// The criteria points are given on: those without sub-criteria.
    public var scorable: [Criterion] {
        let parents = Set(criteria.compactMap(\.parentCode))
        return criteria.filter { !parents.contains($0.code) }
    }

    public var satisfactionCriterion: Criterion? { criteria.first { $0.isSatisfaction } }

    /// The sum of the top-level criteria's maximum points (100 for the seeded sets).
    public var maxTotal: Double { topLevel.reduce(0) { $0 + $1.maxPoints } }

    public func criterion(_ code: String) -> Criterion? { criteria.first { $0.code == code } }

    /// The points of a criterion from the points of the scorable ones: its own, or its sub-criteria's sum; nil when
    /// any of them has none.
    public func points(of criterion: Criterion, in scores: [String: Double]) -> Double? {
        let children = children(of: criterion.code)
        guard !children.isEmpty else { return scores[criterion.code] }
        var sum = 0.0
        for child in children {
            guard let value = points(of: child, in: scores) else { return nil }
            sum += value
        }
        return sum
    }

    /// The pass rule applied to a full or partial set of points (scorable criterion code → points).
    public func verdict(_ scores: [String: Double]) -> PassVerdict {
        let missing = scorable.filter { scores[$0.code] == nil }.map(\.code)
        let total = scorable.reduce(0.0) { $0 + (scores[$1.code] ?? 0) }
        var shortfalls: [PassVerdict.Shortfall] = []
        if !Self.reaches(total, passTotal) { shortfalls.append(.total(total: total, required: passTotal)) }
        for criterion in criteria {
            guard let minimum = criterion.minimumPoints, let value = points(of: criterion, in: scores) else {
                continue
            }
            if !Self.reaches(value, minimum) {
                shortfalls.append(.criterion(code: criterion.code, points: value, required: minimum))
            }
        }
        return PassVerdict(total: total, missing: missing, shortfalls: shortfalls)
    }

    /// Points are added in halves and quarters: compared at 1e-9 so 79.99999999999999 reaches 80.
    static func reaches(_ value: Double, _ required: Double) -> Bool {
        (value * 1e9).rounded() >= (required * 1e9).rounded()
    }

    /// What is wrong with the set as data (checked before an edit is stored): sub-criteria that do not add up to
    /// their criterion, a minimum above the maximum, more than one satisfaction criterion or one with
    /// sub-criteria, a pass total above the maximum, duplicate codes, no bands for a satisfaction criterion.
    public func problems() -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for criterion in criteria {
            if criterion.code.isEmpty || criterion.title.isEmpty {
                problems.append("Mỗi tiêu chí cần có số thứ tự và nội dung.")
            }
            if !seen.insert(criterion.code).inserted {
                problems.append("Tiêu chí \(criterion.code) bị trùng số thứ tự.")
            }
            if !(criterion.maxPoints > 0) {
                problems.append("Điểm tối đa của tiêu chí \(criterion.code) phải lớn hơn 0.")
            }
            if let minimum = criterion.minimumPoints, minimum > criterion.maxPoints || minimum < 0 {
                problems.append("Điểm tối thiểu của tiêu chí \(criterion.code) phải từ 0 đến điểm tối đa.")
            }
            if let parent = criterion.parentCode,
                self.criterion(parent)?.parentCode != nil || self.criterion(parent) == nil
            {
                problems.append("Tiêu chí \(criterion.code) phải thuộc một tiêu chí lớn có trong bộ.")
            }
            let children = children(of: criterion.code)
            if !children.isEmpty {
                let sum = children.reduce(0.0) { $0 + $1.maxPoints }
                if abs(sum - criterion.maxPoints) > 1e-9 {
                    problems.append(
                        "Các tiêu chí thành phần của tiêu chí \(criterion.code) phải cộng lại đúng điểm tối đa của nó."
                    )
                }
            }
        }
        let satisfaction = criteria.filter(\.isSatisfaction)
        if satisfaction.count > 1 { problems.append("Bộ tiêu chí chỉ có một tiêu chí về sự hài lòng.") }
        if let criterion = satisfaction.first {
            if !children(of: criterion.code).isEmpty {
                problems.append("Tiêu chí về sự hài lòng không có tiêu chí thành phần.")
            }
            if bands.bands.isEmpty { problems.append("Cần bảng quy đổi chỉ số hài lòng ra điểm.") }
            if bands.bands.contains(where: { $0.points > criterion.maxPoints }) {
                problems.append("Điểm quy đổi từ chỉ số hài lòng không được vượt điểm tối đa của tiêu chí.")
            }
        }
        if criteria.isEmpty { problems.append("Bộ tiêu chí cần ít nhất một tiêu chí.") }
        if passTotal > maxTotal || passTotal < 0 {
            problems.append("Tổng điểm đạt chuẩn phải từ 0 đến tổng điểm tối đa.")
        }
        return problems
    }
}
