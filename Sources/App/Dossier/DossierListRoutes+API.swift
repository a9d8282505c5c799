import HTTP
import Store
import Web

/// The year's dossier list through the API: the page's rows and its section on the share recognised, read through
/// the page's own `load`, so a figure cannot differ between the two. Managers only, as the page is (a commune is
/// sent from it to its own dossier, whose fields `GET /api/v1/years/{year}/communes/{code}` carries).
extension DossierListRoutes {
    func installAPI(on routes: inout RouteTable) {
        routes.api(.get, .apiDossiers, roles: Access.managers, refusal: .dossierListForbidden) { request, user in
            try await apiList(request, user: user)
        }
        routes.api(.get, .apiDossierShares, roles: Access.managers, refusal: .dossierListForbidden) {
            request, user in
            try await apiShares(request, user: user)
        }
    }

    /// `GET /api/v1/years/{year}/dossiers[?district=CODE]`: the district committees' lines, then the communes' by
    /// district and code, as the page lists them.
    func apiList(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (_, listing) = try await apiListing(request, user: user)
        let lines =
            listing.districts.map { APIDossierItem(item: $0, level: .district) }
            + listing.communes.map { APIDossierItem(item: $0, level: .commune) }
        // Already in this order from the store; sorted again because paging depends on it.
        let ordered = lines.sorted { $0.listPosition.precedes($1.listPosition) == true }
        return try APIList(request, environment, filters: ["district"]).json(ordered, position: \.listPosition)
    }

    /// `GET /api/v1/years/{year}/dossiers/shares[?district=CODE]`: an object, not a list, like a campaign's summary.
    func apiShares(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let (year, listing) = try await apiListing(request, user: user)
        return try APIJSON.response(APIDossierShares(year: year, communes: listing.communes, target: listing.target))
    }

    /// The page's listing with the API's stricter reading of `district`: the province's code must name a district of
    /// the unit set in force (404 `unit_not_found`, where the page shows an empty list), and it narrows the
    /// committees' lines as well, so the province reads a district exactly as that district's account does. A
    /// district naming another is refused by `load` (403), as on the page.
    func apiListing(_ request: Request, user: AuthenticatedUser) async throws -> (year: Int, listing: Listing) {
        let year = try DossierRoutes.year(request, today: environment.clock.today)
        let listing = try await load(request, user: user, year: year)
        guard user.role == .province, let asked = try request.query("district").flatMap({ $0.isEmpty ? nil : $0 })
        else { return (year, listing) }
        let districts = listing.districts.filter { $0.code == asked }
        guard !districts.isEmpty else { throw APIError.notADistrict }
        return (year, Listing(communes: listing.communes, districts: districts, target: listing.target))
    }
}

extension APIError {
    static let dossierListForbidden = APIError(
        status: .forbidden, code: "forbidden",
        message:
            "Danh sách hồ sơ công nhận dành cho ban chỉ đạo cấp huyện và tỉnh. Tài khoản xã xem hồ sơ của mình qua /api/v1/years/{năm}/communes/{mã xã}."
    )
}
