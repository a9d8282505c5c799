import HTTP
import Store
import Survey
import Web

/// The helper roster through the API, from the store calls the page makes (`RosterStore.deadline`, `communes`), so
/// a status cannot differ between `/admin/roster` and `/api/v1/roster`.
extension RosterRoutes {
    /// `GET /api/v1/roster[?district=CODE]`: the province every district of its set, or one (404 for a code that
    /// is not one of them); a district its own (403 for another code); a commune its own line in its district's
    /// roster with the deadline (403 with `district`).
    func apiRoster(_ request: Request, user: AuthenticatedUser) async throws -> Response {
        let today = environment.clock.today
        let districtCode = try request.query("district").flatMap { $0.isEmpty ? nil : $0 }
        let districts = try await environment.database.read { connection -> [APIRoster.District] in
            let units = UnitStore(connection)
            let store = RosterStore(connection)
            guard let own = try units.unit(id: user.unitID) else { throw HTTPError.notFound }
            func district(_ unit: UnitRecord, only code: String? = nil) throws -> APIRoster.District {
                let deadline = try store.deadline(districtID: unit.id)
                let communes = try store.communes(districtID: unit.id, deadline: deadline, today: today)
                return APIRoster.District(
                    unit, deadline: deadline, communes: communes.filter { code == nil || $0.unit.code == code },
                    today: today)
            }
            switch user.role {
            case .commune:
                guard districtCode == nil else { throw APIError.forbidden }
                guard let parent = try own.parentID.flatMap({ try units.unit(id: $0) }) else { return [] }
                return [try district(parent, only: own.code)]
            case .district:
                guard districtCode == nil || districtCode == own.code else { throw APIError.forbidden }
                return [try district(own)]
            case .province:
                let all = try units.units(inSet: own.unitSetID, level: "district")
                guard let districtCode else { return try all.map { try district($0) } }
                guard let chosen = all.first(where: { $0.code == districtCode }) else { throw APIError.notADistrict }
                return [try district(chosen)]
            }
        }
        return try APIJSON.response(APIRoster(today: today.iso, districts: districts))
    }
}
