import Survey

/// One page of a dashboard's unit table: the units a `DashboardQuery` keeps (district, search, status), sorted,
/// cut to `pageSize` rows. Pure, so the numbers in the filter links and the page count are tested without HTML.
struct UnitTablePage {
    /// Units left by the district and search filters, per quota status (what the status links count).
    let statusCounts: [QuotaStatus: Int]
    /// Units left by the district and search filters, every status.
    let inScope: Int
    /// Units left by every filter (the rows of all pages).
    let matching: Int
    /// 1-based, clamped to the pages there are.
    let page: Int
    let pageCount: Int
    /// Index of the first row shown among the matching units (0-based).
    let offset: Int
    let rows: [CommuneSummary]

    init(units: [CommuneSummary], query: DashboardQuery, pageSize: Int = DashboardQuery.pageSize) {
        let scoped = units.filter { unit in
            (query.district == nil || unit.districtCode == query.district)
                && (query.search.isEmpty || SearchText.fold(unit.name).contains(query.search))
        }
        var counts = Dictionary(uniqueKeysWithValues: QuotaStatus.allCases.map { ($0, 0) })
        for unit in scoped { counts[unit.quotaStatus, default: 0] += 1 }
        let matching = scoped.filter { query.status.admits($0.quotaStatus) }
        let size = max(1, pageSize)
        let pageCount = max(1, (matching.count + size - 1) / size)
        let page = min(max(1, query.page), pageCount)
        let offset = (page - 1) * size
        statusCounts = counts
        inScope = scoped.count
        self.matching = matching.count
        self.page = page
        self.pageCount = pageCount
        self.offset = offset
        rows = Array(Self.sorted(matching, by: query.sort).dropFirst(offset).prefix(size))
    }

    /// Ties always fall back to the code, so a page boundary never moves between two loads of the same data.
    static func sorted(_ units: [CommuneSummary], by sort: DashboardView.SortKey) -> [CommuneSummary] {
        switch sort {
        case .code:
            return units.sorted { $0.code < $1.code }
        case .name:
            // Fold each name once, not at every comparison.
            return units.map { (key: SearchText.fold($0.name), unit: $0) }
                .sorted { ($0.key, $0.unit.name, $0.unit.code) < ($1.key, $1.unit.name, $1.unit.code) }
                .map(\.unit)
        case .answers:
            return units.sorted { ($0.answers, $1.code) > ($1.answers, $0.code) }
        case .visitors:
            return units.sorted { ($0.visitors, $1.code) > ($1.visitors, $0.code) }
        case .status:
            return units.sorted { (attentionRank($0.quotaStatus), $0.code) < (attentionRank($1.quotaStatus), $1.code) }
        case .satisfaction:
            return units.sorted { ($0.satisfiedShare ?? -1, $1.code) > ($1.satisfiedShare ?? -1, $0.code) }
        case .ontime:
            return units.sorted { ($0.reportsOnTime, $1.code) > ($1.reportsOnTime, $0.code) }
        }
    }

    /// Over quota first (answers beyond what the visitors allow: to check), then short, then not reported, then met.
    static func attentionRank(_ status: QuotaStatus) -> Int {
        switch status {
        case .over: 0
        case .short: 1
        case .notReported: 2
        case .met: 3
        }
    }
}
