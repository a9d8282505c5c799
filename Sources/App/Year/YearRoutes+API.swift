import HTTP
import Store
import Survey
import Web

extension YearRoutes {
    /// `GET /api/v1/years/{year}/communes/{code}`: the commune's year page (`communeYear`) as JSON, with its line
    /// of the rankings (ranks) and its recognition dossier of the year, as `GET /api/v1/years/{year}/communes`
    /// gives them. The same scope and refusals as the page: an unknown or out-of-range year or an unknown commune
    /// code 404, a commune outside the scope 403.
    func apiCommune(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try year(request)
        let code = request.parameters["code"] ?? ""
        let today = environment.clock.today
        let now = environment.clock.nowSeconds
        let (commune, dossier) = try await environment.database.read { connection in
            let store = YearStore(connection)
            guard let unit = try store.commune(code: code) else { throw Self.unknownCommune }
            guard Self.admits(user, code: code, districtCode: unit.districtCode) else { throw Self.foreignCommune }
            guard let commune = try store.communeYear(code: code, year: year, today: today, now: now) else {
                throw Self.unknownCommune
            }
            let dossiers = try DossierStore(connection).list(
                year: year, kind: .commune, district: unit.districtCode, startedOnly: true)
            return (commune, APIYearDossier.byCode(dossiers)[code])
        }
        let line = try await loadRankings(year: year).communes.first { $0.code == code }
        return try APIJSON.response(APICommuneYear(commune, ranks: line, dossier: dossier))
    }
}

extension YearRoutes {
    /// `GET /api/v1/years/{year}/districts`: the districts' lines of the year's rankings, as the rankings page
    /// lists them for the caller: the province every district, a district its own line, a commune its district's
    /// line (when the commune itself has one). By code.
    func apiDistricts(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let year = try year(request)
        let rankings = try await loadRankings(year: year)
        let lines: [YearUnitResult] =
            switch user.role {
            case .province: rankings.districts
            case .district: rankings.districts.filter { $0.code == user.unitCode }
            case .commune:
                rankings.districts.filter { line in
                    rankings.communes.contains { $0.code == user.unitCode && $0.districtCode == line.code }
                }
            }
        // The rankings' order (best first): a line's place in it is its position.
        return try APIList(request, environment).response(
            Array(lines.map(APIYearDistrict.init).enumerated()),
            position: { APIListPosition(.ascending(Int64($0.offset))) },
            body: { try APIJSON.response($0.map(\.element)) })
    }
}
