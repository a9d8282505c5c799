import HTTP
import Store
import Survey
import Web

/// A commune's year and the year's rankings, on the console and in the API.
///
/// Scope, by unit code (a commune keeps its code across unit sets): the province sees every commune; a district
/// its own communes (the rankings list them with their rank in the district and in the province, and its own
/// line among the districts); a commune itself (its own line and ranks). The ranks are always computed over the
/// whole province, so a district's communes show their true province rank. An unknown or out-of-range year, or
/// an unknown commune code, is a 404; a commune outside the scope a 403.
struct YearRoutes: Sendable {
    let environment: AppEnvironment

    func install(on routes: inout RouteTable) {
        routes.page(.get, .communeYear) { request, user in try await communeYear(request, user: user) }
        routes.page(.get, .yearRankings) { request, user in try await rankings(request, user: user) }
        routes.page(.post, .indexWeights, roles: Access.provinceOnly) { request, user in
            try await saveWeights(request, user: user)
        }
        routes.api(.get, .apiYearCommunes) { request, user in try await apiCommunes(request, user: user) }
        routes.api(.get, .apiYearCommune) { request, user in try await apiCommune(request, user: user) }
        routes.api(.get, .apiYearDistricts) { request, user in try await apiDistricts(request, user: user) }
    }

    static let unknownYear = HTTPError(
        .notFound, message: "Không có số liệu cho năm này. Hãy chọn một năm từ 2000 đến năm sau năm hiện tại.")
    static let unknownCommune = HTTPError(
        .notFound, message: "Không có xã mang mã này. Hãy chọn xã từ bảng xếp hạng của năm.")
    static let foreignCommune = HTTPError(.forbidden, message: "Xã này nằm ngoài phạm vi tài khoản của bạn.")
    static let foreignDistrict = HTTPError(.forbidden, message: "Huyện này nằm ngoài phạm vi tài khoản của bạn.")
    static let unknownDistrict = HTTPError(
        .notFound, message: "Năm này không có huyện mang mã đó. Hãy chọn huyện từ bảng xếp hạng.")

    static func isAllowed(_ year: Int, today: LocalDate) -> Bool { YearCampaigns.isAllowed(year, today: today) }

    func year(_ request: Request) throws -> Int {
        guard let text = request.parameters["year"], let year = Int(text),
            Self.isAllowed(year, today: environment.clock.today)
        else { throw Self.unknownYear }
        return year
    }

    /// Whether a commune (by code and district code) is in the user's scope.
    static func admits(_ user: AuthenticatedUser, code: String, districtCode: String?) -> Bool {
        switch user.role {
        case .province: true
        case .district: districtCode == user.unitCode
        case .commune: code == user.unitCode
        }
    }

    func communeYear(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try year(request)
        let code = request.parameters["code"] ?? ""
        let today = environment.clock.today
        let now = environment.clock.nowSeconds
        let commune = try await environment.database.read { connection -> CommuneYear in
            let store = YearStore(connection)
            guard let unit = try store.commune(code: code) else { throw Self.unknownCommune }
            guard Self.admits(user, code: code, districtCode: unit.districtCode) else { throw Self.foreignCommune }
            guard let commune = try store.communeYear(code: code, year: year, today: today, now: now) else {
                throw Self.unknownCommune
            }
            return commune
        }
        return AdminPage.response(
            request, user: user, title: "\(commune.name) – năm \(year)", banner: environment.banner,
            body: CommuneYearView(year: commune, user: user, today: today).render())
    }

    func loadRankings(year: Int) async throws -> YearRankings {
        let cache = environment.counterCache
        let yearCache = environment.yearCache
        return try await environment.database.read {
            try YearStore($0, cache: cache, yearCache: yearCache).rankings(year: year)
        }
    }

    func rankings(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try year(request)
        let rankings = try await loadRankings(year: year)
        let asked = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        if user.role == .district, let asked, asked != user.unitCode { throw Self.foreignDistrict }
        // A district is always narrowed to itself (even in a year none of its communes had a campaign); a
        // commune's own line needs no narrowing.
        let narrowed: String? =
            switch user.role {
            case .province: asked
            case .district: user.unitCode
            case .commune: nil
            }
        let district = narrowed.flatMap { code in rankings.districts.first { $0.code == code } }
        if user.role == .province, asked != nil, district == nil { throw Self.unknownDistrict }
        // The province's whole list is used as it is: filtering copies 3,321 results.
        let communes =
            user.role == .province && narrowed == nil
            ? rankings.communes
            : rankings.communes.filter { unit in
                Self.admits(user, code: unit.code, districtCode: unit.districtCode)
                    && (narrowed == nil || unit.districtCode == narrowed)
            }
        let districts: [YearUnitResult] =
            switch user.role {
            case .province: rankings.districts
            case .district: rankings.districts.filter { $0.code == user.unitCode }
            case .commune:
                rankings.districts.filter { line in communes.contains { $0.districtCode == line.code } }
            }
        let page = try request.query("page").flatMap { Int($0) } ?? 1
        let view = RankingsView(
            rankings: rankings, user: user, communes: communes, districts: districts, district: district, page: page,
            csrf: request.csrfToken)
        return AdminPage.response(
            request, user: user, title: "Xếp hạng năm \(year)", banner: environment.banner, body: view.render())
    }

    /// The weighting form of the rankings page: a weight per form (`weight-PKS01`, decimal comma or point) and
    /// the minimum answers; all checked before any is written, then back to the rankings (303).
    func saveWeights(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try year(request)
        let form = try request.form()
        let now = environment.clock.nowSeconds
        try await environment.database.write { connection in
            let store = IndexWeights(connection)
            var weights: [String: Double] = [:]
            let codes = Set(try store.weights().keys).union(try FormStore(connection).forms().map(\.code))
            for code in codes {
                guard let text = form["weight-\(code)"] else { continue }
                guard let weight = Double(String(text.map { $0 == "," ? "." : $0 })) else {
                    throw IndexWeightError.invalidWeight
                }
                weights[code] = weight
            }
            guard let minimum = form["minimum"].flatMap({ Int($0) }) else { throw IndexWeightError.invalidMinimum }
            try store.update(weights: weights, minimumAnswers: minimum, by: user, now: now)
        }
        return .redirect(to: SiteRoute.yearRankings(year: year).path)
    }

    func apiCommunes(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try year(request)
        let rankings = try await loadRankings(year: year)
        let units =
            user.role == .province
            ? rankings.communes
            : rankings.communes.filter { Self.admits(user, code: $0.code, districtCode: $0.districtCode) }
        let district = user.role == .district ? user.unitCode : nil
        let dossiers = try await environment.database.read { connection in
            APIYearDossier.byCode(
                try DossierStore(connection).list(year: year, kind: .commune, district: district, startedOnly: true))
        }
        return try APIList(request, environment).response(units, position: { APIListPosition(.ascendingText($0.code)) })
        {
            try APIYearCommuneList.response($0, dossiers: dossiers)
        }
    }
}
