import HTTP
import Store
import Survey
import Web

/// What a dashboard's unit table shows, read from the query string: sort, search, district, quota status and page;
/// and the order of the province's district table (`dsort`, `ddir`). Links to another sort, filter or page keep the
/// rest, so a province user can narrow 3,321 communes step by step without JavaScript; the full list stays one
/// click away in the exports.
struct DashboardQuery: Sendable, Hashable {
    enum StatusFilter: Sendable, Hashable {
        case all
        /// Units to look at first: over quota, short of it, or not reported.
        case attention
        case only(QuotaStatus)

        static let attentionValue = "can_chu_y"

        init?(parameter: String) {
            if parameter == Self.attentionValue {
                self = .attention
            } else if let status = QuotaStatus(rawValue: parameter) {
                self = .only(status)
            } else {
                return nil
            }
        }

        var parameter: String? {
            switch self {
            case .all: nil
            case .attention: Self.attentionValue
            case .only(let status): status.rawValue
            }
        }

        func admits(_ status: QuotaStatus) -> Bool {
            switch self {
            case .all: true
            case .attention: status != .met
            case .only(let wanted): status == wanted
            }
        }
    }

    static let pageSize = 100

    var sort: UnitSort
    /// The sort used when the query names none: attention first for the province, code order otherwise.
    var defaultSort: UnitSort
    /// Folded ("ngo quyen"): names that contain it.
    var search: String = ""
    /// A district's code.
    var district: String?
    var status: StatusFilter = .all
    /// 1-based; clamped to the pages there are when the table is cut.
    var page: Int = 1
    /// The district table's order; nil keeps it in code order.
    var districtSort: DistrictTable.Sort?

    init(defaultSort: UnitSort) {
        self.sort = defaultSort
        self.defaultSort = defaultSort
    }

    /// Unknown or malformed values fall back to the defaults: a stale bookmark still opens the dashboard.
    init(_ request: Request, defaultSort: UnitSort) {
        self.init(defaultSort: defaultSort)
        let items = (try? request.queryItems()) ?? URLEncodedForm()
        sort = items["sort"].flatMap(UnitSort.init(rawValue:)) ?? defaultSort
        search = items["q"].map(SearchText.fold) ?? ""
        district = items["district"].flatMap { $0.isEmpty ? nil : $0 }
        status = items["status"].flatMap(StatusFilter.init(parameter:)) ?? .all
        page = items["page"].flatMap { Int($0) }.map { max(1, $0) } ?? 1
        districtSort = items["dsort"].flatMap { DistrictTable.Sort(column: $0, direction: items["ddir"]) }
    }

    /// The dashboard's address with this query: only what differs from the defaults, percent-encoded.
    func href(_ base: String) -> String {
        var parts: [String] = []
        if sort != defaultSort { parts.append("sort=\(sort.rawValue)") }
        if !search.isEmpty { parts.append("q=\(PercentEncoding.encode(search))") }
        if let district { parts.append("district=\(PercentEncoding.encode(district))") }
        if let value = status.parameter { parts.append("status=\(value)") }
        if page > 1 { parts.append("page=\(page)") }
        if let districtSort { parts.append("dsort=\(districtSort.column)&ddir=\(districtSort.parameter)") }
        return parts.isEmpty ? base : base + "?" + parts.joined(separator: "&")
    }

    func with(sort: UnitSort) -> DashboardQuery {
        var query = self
        query.sort = sort
        query.page = 1
        return query
    }

    func with(status: StatusFilter) -> DashboardQuery {
        var query = self
        query.status = status
        query.page = 1
        return query
    }

    func with(district: String?) -> DashboardQuery {
        var query = self
        query.district = district
        query.page = 1
        return query
    }

    /// Another order of the district table; the unit table stays on its page.
    func with(districtSort: DistrictTable.Sort) -> DashboardQuery {
        var query = self
        query.districtSort = districtSort
        return query
    }

    func with(page: Int) -> DashboardQuery {
        var query = self
        query.page = page
        return query
    }
}
