import Store
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

    /// In the order the sort's figure declares (`UnitFigure.order`); ties fall back to the code.
    static func sorted(_ units: [CommuneSummary], by sort: UnitSort) -> [CommuneSummary] {
        sort.order.sorted(units)
    }
}
